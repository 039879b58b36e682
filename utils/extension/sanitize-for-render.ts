// The clean view renders article HTML only through this function, even though the engine sanitized it already:
// a saved article may come from an imported backup, and the reader must not trust what it did not just make.
import createDOMPurify from 'dompurify';

/** Elements with no place in a clean article: active content, forms, frames, styles. */
const FORBID_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'noscript',
  'template',
  'math',
];
/** Inline styles would fight the reader's typography (and the CSP blocks them anyway). */
const FORBID_ATTR = ['style', 'srcdoc', 'formaction', 'action', 'ping', 'target', 'rel', 'class', 'id'];
const SAFE_LINK = /^(https?:|mailto:)/i;

export function sanitizeForRender(html: string, win: Window): string {
  const purify = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.tagName === 'A') {
      const href = el.getAttribute('href') ?? '';
      if (SAFE_LINK.test(href)) {
        // Every link leaves the clean view in a new tab and tells the target nothing about us.
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      } else {
        el.removeAttribute('href');
      }
    } else if (el.tagName === 'IMG') {
      el.setAttribute('loading', 'lazy');
      el.setAttribute('decoding', 'async');
      const src = el.getAttribute('src') ?? '';
      if (src && !/^(https?:|data:image\/)/i.test(src)) el.removeAttribute('src');
    }
  });
  // Parsed inside a <template>, whose contents are inert: Chromium's DOMParser document (DOMPurify's own parse)
  // starts image loads and fires their error/load events, so a hostile `<img onerror>` met the page's CSP (and
  // its URL was fetched) before DOMPurify could drop it. In a template nothing loads and nothing fires; DOMPurify
  // then cleans the tree where it stands. Markup that closes the wrapper early lands outside it and is dropped.
  const template = win.document.createElement('template');
  template.innerHTML = `<div>${html}</div>`;
  const root = template.content.firstElementChild;
  if (!root) return '';
  purify.sanitize(root, {
    IN_PLACE: true,
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    USE_PROFILES: { html: true },
  });
  return root.innerHTML;
}
