// Which rules an extraction runs with: the reader's own rules on top of the generic and site rules, and what the
// reader restored (for this article, or for good on this site), which the engine finds and leaves in place.
import { type CleanRule, type ExtractOptions, GENERIC_RULES, SITE_RULES } from '../extract';

/** `restored` holds rule ids (every block of the rule comes back) and block keys (that block alone). */
export function extractOptionsFor(
  userRules: CleanRule[],
  restored: string[],
  keepRemoved = true,
): ExtractOptions {
  return { rules: userRules, keepRemoved, keepBlocks: restored };
}

/** The post-clean steps of the engine (utils/extract/post-clean.ts) report under these ids, outside the rules. */
const POST_CLEAN_REASONS: Record<string, string> = {
  'duplicate-headline': 'The headline (or kicker) repeated inside the article text',
  'duplicate-standfirst': 'The standfirst repeated inside the article text',
  'byline-line': 'The byline line, shown above the article instead',
};

/** Each rule's reason, by id, for "what was removed". */
export function ruleReasons(userRules: CleanRule[] = []): Map<string, string> {
  return new Map([
    ...Object.entries(POST_CLEAN_REASONS),
    ...[...GENERIC_RULES, ...SITE_RULES, ...userRules].map((r): [string, string] => [r.id, r.why]),
  ]);
}

/** The rule ids and block keys restored for good on a host (its base domain's entries cover it). */
export function restoredFor(state: { restored: Record<string, string[]> }, host: string): string[] {
  const h = host.toLowerCase().replace(/^www\./, '');
  const out: string[] = [];
  for (const [site, ids] of Object.entries(state.restored)) {
    if (h === site || h.endsWith(`.${site}`)) out.push(...ids);
  }
  return out;
}
