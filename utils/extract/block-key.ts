// A removed block's stable name, so that the reader can restore that one block ("what was removed" → Restore this
// block) and have it restored again on the next extraction of the page, or on every page of the site.
import { normalizeBlock } from './lexicon';

/** "<rule id>~<fingerprint>": rule ids hold no "~" (see RULE_ID in utils/rules/user-rules.ts). */
export const BLOCK_KEY_SEPARATOR = '~';

/** A 53-bit string hash (cyrb53): enough to tell apart the few blocks one rule removes from one page. */
function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The key of a block a rule removes: the rule and the block's normalised text (its markup when it has no text, an
 * image). Text, not position, so the key survives re-extraction, other restorations and the same box on another
 * page of the site; blocks of one rule with the same text share a key (restoring one restores its twins).
 */
export function blockKey(ruleId: string, el: Element): string {
  const text = normalizeBlock(el.textContent ?? '') || el.outerHTML.replace(/\s+/g, ' ');
  return `${ruleId}${BLOCK_KEY_SEPARATOR}${fingerprint(text)}`;
}

/** The rule a block key belongs to, or null when the string is a rule id. */
export function ruleOfBlockKey(key: string): string | null {
  const i = key.lastIndexOf(BLOCK_KEY_SEPARATOR);
  return i > 0 ? key.slice(0, i) : null;
}
