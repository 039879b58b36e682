import createDOMPurify, { type DOMPurify } from 'dompurify';

const instances = new WeakMap<object, DOMPurify>();

const CONFIG = {
  FORBID_TAGS: [
    'script',
    'style',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'form',
    'input',
    'button',
    'select',
    'textarea',
    'option',
    'link',
    'meta',
    'base',
    'noscript',
    'template',
  ],
  FORBID_ATTR: ['style', 'srcdoc', 'formaction', 'action', 'ping'],
  ALLOW_DATA_ATTR: false,
};

/** DOMPurify bound to the document's own window: works in the page and under jsdom alike. */
function purifierFor(win: Window): DOMPurify {
  let p = instances.get(win);
  if (!p) {
    p = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
    instances.set(win, p);
  }
  return p;
}

/** Step 6: sanitizes an element in place (no scripts, handlers, javascript: URLs, frames, objects, forms). */
export function sanitizeElement(el: Element, win: Window): void {
  purifierFor(win).sanitize(el, { ...CONFIG, IN_PLACE: true });
}

/** Sanitizes an HTML string with the given window. */
export function sanitizeHtml(html: string, win: Window): string {
  return purifierFor(win).sanitize(html, CONFIG) as unknown as string;
}
