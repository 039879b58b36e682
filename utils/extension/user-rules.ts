// The reader's rules (options page) in the engine's one rule format, so they run with the generic and site rules.
import type { CleanRule } from '../extract';
import type { UserRule } from '../settings';

export function toCleanRules(rules: UserRule[]): CleanRule[] {
  return rules.map((r, i) => ({
    id: `user:${r.site}${rules.findIndex((x) => x.site === r.site) === i ? '' : `#${i + 1}`}`,
    why: 'Your own rule, from the options page',
    sites: [r.site],
    remove: r.remove,
  }));
}
