// The reader's own rules: validation, the shareable rule file, storage, and what runs in the page for them.
export { selectorFor } from './css-path';
export { extractOptionsFor, restoredFor, ruleReasons } from './extract-options';
export type { PageRequest, PageResult, RulesForPage } from './page-request';
export {
  exportRules,
  type ImportResult,
  MAX_RULE_FILE,
  mergeRules,
  parseRuleFile,
  RULE_FILE_FORMAT,
  RULE_FILE_VERSION,
} from './rule-file';
export {
  addRemoveRule,
  fromSettingsRules,
  getRestored,
  normalizeRestored,
  type RestoredRules,
  restoredItem,
  setRestored,
  toSettingsRules,
  watchRestored,
} from './user-rules';
export {
  domSelectorCheck,
  patternProblem,
  type RuleCheck,
  type SelectorCheck,
  selectorProblem,
  siteOf,
  type UserRule,
  validateRule,
} from './validate-rule';
