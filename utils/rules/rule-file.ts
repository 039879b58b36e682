// The shareable rule file: `{ "format": "nitido-rules", "version": 1, "rules": [...] }`. Reading one never runs
// anything: it is parsed as JSON and every rule goes through validateRule, which keeps selectors and patterns only.
import { type SelectorCheck, type UserRule, validateRule } from './validate-rule';

export const RULE_FILE_FORMAT = 'nitido-rules';
export const RULE_FILE_VERSION = 1;
/** A rule file bigger than this is not a hand-made list of rules. */
export const MAX_RULE_FILE = 1_000_000;
const MAX_RULES = 1000;

export interface RuleFile {
  format: typeof RULE_FILE_FORMAT;
  version: typeof RULE_FILE_VERSION;
  rules: UserRule[];
}

export function exportRules(rules: UserRule[]): string {
  const file: RuleFile = { format: RULE_FILE_FORMAT, version: RULE_FILE_VERSION, rules };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export interface ImportResult {
  rules: UserRule[];
  /** Problems, each naming the rule it is about; rules with problems are left out. */
  errors: string[];
}

export function parseRuleFile(text: string, check?: SelectorCheck): ImportResult {
  if (text.length > MAX_RULE_FILE) return { rules: [], errors: ['The file is too large to be a rule file.'] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { rules: [], errors: ['The file is not JSON.'] };
  }
  const d = data as Record<string, unknown> | null;
  if (!d || typeof d !== 'object' || d.format !== RULE_FILE_FORMAT) {
    return { rules: [], errors: ['This is not a Nitido rule file (no "format": "nitido-rules").'] };
  }
  if (d.version !== RULE_FILE_VERSION) {
    return { rules: [], errors: [`Rule file version ${String(d.version)} is not supported (expected 1).`] };
  }
  if (!Array.isArray(d.rules) || d.rules.length > MAX_RULES) {
    return { rules: [], errors: ['The file has no list of rules.'] };
  }
  const rules: UserRule[] = [];
  const errors: string[] = [];
  d.rules.forEach((raw, i) => {
    const res = validateRule(raw, check);
    if (res.ok) rules.push(res.rule);
    else errors.push(...res.errors.map((e) => `Rule ${i + 1}: ${e}`));
  });
  return { rules, errors };
}

/** Adds imported rules to the stored ones: a rule with an id already stored replaces it. */
export function mergeRules(current: UserRule[], incoming: UserRule[]): UserRule[] {
  const byId = new Map(current.map((r) => [r.id, r]));
  for (const r of incoming) byId.set(r.id, r);
  return [...byId.values()];
}
