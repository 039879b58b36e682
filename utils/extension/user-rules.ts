// The reader's rules (options page) in the engine's one rule format, so they run with the generic and site rules.
// Every entry goes through the rule validator first: entries come from storage, and shared files fill it.
import type { CleanRule } from '../extract';
import { rulesOfEntries } from '../rules/user-rules';
import type { UserRule } from '../settings';

export function toCleanRules(rules: UserRule[]): CleanRule[] {
  // A site's first list of selectors is "user:<site>", as restorations remembered for it name it.
  const plainId = (r: UserRule, i: number) =>
    `user:${r.site}${rules.findIndex((x) => x.site === r.site && !x.id) === i ? '' : `#${i + 1}`}`;
  return rulesOfEntries(rules, plainId, 'Your own rule, from the options page');
}
