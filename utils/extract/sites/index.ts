// The per-site rules: one file per language group, all in the one rule format of ../rule.ts. A site rule carries
// `sites` (hosts or base domains) and a `why` naming the template feature it handles; each site has a fixture in
// tests/fixtures/site-<domain>/ that fails without it (tests/unit/rules/site-rules.test.ts).
import { ruleAppliesTo } from '../apply-rules';
import type { CleanRule } from '../rule';
import { DE_SITES } from './de';
import { EN_SITES } from './en';
import { ES_SITES } from './es';
import { FR_SITES } from './fr';
import { IT_SITES } from './it';

export const SITE_RULES: CleanRule[] = [...IT_SITES, ...FR_SITES, ...DE_SITES, ...ES_SITES, ...EN_SITES];

/** The site rules for a host: those whose `sites` name it or its base domain ("www.lemonde.fr" → "lemonde.fr"). */
export function rulesForHost(host: string | null | undefined): CleanRule[] {
  if (!host) return [];
  return SITE_RULES.filter((r) => ruleAppliesTo(r, host));
}
