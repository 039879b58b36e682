// Blocks the reader restored ("what was removed" → Restore) must come back at their place in the article. Left in
// the page, many would still not reach the clean view: Readability drops link-heavy boxes, asides and forms, the
// very blocks rules remove. So before Readability each restored block waits outside the page, a bare paragraph
// holding its place; after Readability the block takes its place back.

/** Set by removeBlock on a block a rule found but the reader restored; its value is the block's key. */
export const KEPT_ATTR = 'data-nitido-kept';
const HOLD_ATTR = 'data-nitido-hold';
/** An invisible character: Readability drops paragraphs without text, and this one shows nothing. */
const HOLD_TEXT = '\u2063';

/** Takes the restored blocks out of `root`, each replaced by a placeholder paragraph; returns them by number. */
export function holdKept(root: Document | Element): Element[] {
  const held: Element[] = [];
  for (const el of root.querySelectorAll(`[${KEPT_ATTR}]`)) {
    // A restored block inside another goes with it.
    if (el.parentElement?.closest(`[${KEPT_ATTR}]`)) continue;
    const doc = el.ownerDocument;
    const hold = doc.createElement('p');
    hold.setAttribute(HOLD_ATTR, String(held.length));
    hold.textContent = HOLD_TEXT;
    el.replaceWith(hold);
    held.push(el);
  }
  return held;
}

/**
 * Puts the held blocks back where Readability left their placeholders (a block whose placeholder Readability
 * dropped was outside the article, and stays out). They keep their mark, which the post-clean rules respect.
 */
export function putBackKept(content: Element, held: Element[]): void {
  for (const hold of content.querySelectorAll(`[${HOLD_ATTR}]`)) {
    const el = held[Number(hold.getAttribute(HOLD_ATTR))];
    if (el) hold.replaceWith(content.ownerDocument.importNode(el, true));
    else hold.remove();
  }
}

/** The marks of restored blocks go once the cleaning is done: they are not the page's. */
export function clearKept(content: Element): void {
  for (const el of content.querySelectorAll(`[${KEPT_ATTR}]`)) el.removeAttribute(KEPT_ATTR);
}
