import { ruleAppliesTo } from './apply-rules';
import type { CleanRule } from './rule';

/**
 * Step 1, for the rules that name a site's own lazy-picture markup (CleanRule.lazyImages): each matching element
 * gets, or becomes, a real <img>. Returns how many pictures it revealed. Runs before prepareDocument, which then
 * makes the new URLs absolute like every other.
 */
export function applyLazyImages(
  root: Document | Element,
  rules: CleanRule[],
  host: string | undefined,
): number {
  const doc = (root.ownerDocument ?? root) as Document;
  let n = 0;
  for (const rule of rules) {
    if (!rule.lazyImages?.length || !ruleAppliesTo(rule, host)) continue;
    for (const spec of rule.lazyImages) {
      let found: Element[];
      try {
        found = [...root.querySelectorAll(spec.selector)];
      } catch {
        continue; // an invalid selector in a user rule reveals nothing
      }
      for (const el of found) {
        const fix = (v: string | null) => {
          if (!v) return v;
          let out = v;
          for (const [from, to] of spec.replace ?? []) out = out.split(from).join(to);
          return out;
        };
        const src = fix(el.getAttribute(spec.src));
        if (!src) continue;
        const img = el.localName === 'img' ? el : doc.createElement('img');
        img.setAttribute('src', src);
        const srcset = spec.srcset ? fix(el.getAttribute(spec.srcset)) : null;
        if (srcset) img.setAttribute('srcset', srcset);
        const alt = spec.alt ? el.getAttribute(spec.alt) : null;
        if (alt !== null) img.setAttribute('alt', alt);
        if (img !== el) el.replaceWith(img);
        n++;
      }
    }
  }
  return n;
}
