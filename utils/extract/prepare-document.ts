/**
 * Step 1 of the pipeline, on the clone: lazy images become real images and relative URLs become absolute, so the
 * clean article shows its pictures wherever it is rendered (the reader page, the library, offline).
 */

const LAZY_SRC = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
  'data-orig-src',
  'data-echo',
];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'data-original-srcset'];
const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  img: ['src'],
  video: ['poster', 'src'],
  audio: ['src'],
  source: ['src'],
  track: ['src'],
};

/** A src that stands in for the real picture: data URIs, 1×1 / blank / spacer GIFs, SVG placeholders. */
export function isPlaceholderSrc(src: string | null): boolean {
  if (!src?.trim()) return true;
  const s = src.trim().toLowerCase();
  if (s.startsWith('data:')) {
    // A data URI big enough to be a real picture (not a 1×1 GIF or an empty SVG) is kept.
    return s.length < 1000 || s.startsWith('data:image/svg');
  }
  return /(^|[/_.-])(blank|spacer|pixel|transparent|placeholder|lazy|loading|1x1|grey|gray|empty)[^/]*\.(gif|png|svg|jpe?g|webp)(\?|$)/.test(
    s,
  );
}

function absolutize(value: string, base: string): string {
  const v = value.trim();
  if (!v || v.startsWith('#') || /^(data|mailto|tel|javascript):/i.test(v)) return v;
  try {
    return new URL(v, base).href;
  } catch {
    return v;
  }
}

function absolutizeSrcset(srcset: string, base: string): string {
  return srcset
    .split(/,\s+(?=\S)/)
    .map((part) => {
      const [u, ...rest] = part.trim().split(/\s+/);
      return [absolutize(u, base), ...rest].join(' ');
    })
    .join(', ');
}

function revealLazyImage(img: Element) {
  const src = img.getAttribute('src');
  const placeholder = isPlaceholderSrc(src);
  if (!placeholder && !img.hasAttribute('data-srcset') && !img.hasAttribute('data-lazy-srcset')) return;
  if (placeholder) {
    for (const a of LAZY_SRC) {
      const v = img.getAttribute(a);
      if (v && !isPlaceholderSrc(v)) {
        img.setAttribute('src', v);
        break;
      }
    }
  }
  for (const a of LAZY_SRCSET) {
    const v = img.getAttribute(a);
    if (v) {
      img.setAttribute('srcset', v);
      break;
    }
  }
  // A placeholder with no real source but a srcset: the srcset's first candidate is the picture.
  if (isPlaceholderSrc(img.getAttribute('src'))) {
    const first = img.getAttribute('srcset')?.trim().split(/\s+/)[0];
    if (first && !isPlaceholderSrc(first)) img.setAttribute('src', first);
  }
}

function hasPictureChild(parent: Element | null): boolean {
  for (let c = parent?.firstElementChild; c; c = c.nextElementSibling) {
    if (c.localName === 'img' || c.localName === 'picture') return true;
  }
  return false;
}

/** The <img> inside a <noscript>, whether the parser made it markup (no scripting) or text (scripting on). */
function noscriptImage(ns: Element, doc: Document): Element | null {
  const direct = ns.querySelector('img');
  if (direct) return direct;
  const raw = ns.textContent ?? '';
  if (!/<img\b/i.test(raw)) return null;
  const tpl = doc.createElement('template');
  tpl.innerHTML = raw; // inert: nothing in a template loads or runs
  return tpl.content.querySelector('img');
}

/**
 * Lazy images and <noscript> fallbacks in `root` (the page's body, or a copy of it). Relative URLs are made
 * absolute later, on the article alone (Readability resolves them against the clone's <base>), which is far less
 * work than every link of the page.
 */
export function prepareDocument(root: Document | Element): void {
  const doc = (root.ownerDocument ?? root) as Document;
  // <noscript> fallbacks: the image inside replaces the placeholder before it, or stands in its place.
  for (const ns of root.querySelectorAll('noscript')) {
    const img = noscriptImage(ns, doc);
    if (!img) {
      ns.remove();
      continue;
    }
    const prev = ns.previousElementSibling;
    const real = doc.importNode(img, true);
    if (prev?.tagName === 'IMG' && isPlaceholderSrc(prev.getAttribute('src'))) {
      prev.replaceWith(real);
      ns.remove();
    } else if (prev?.tagName === 'IMG' || hasPictureChild(ns.parentElement)) {
      ns.remove(); // the page already shows this picture
    } else {
      ns.replaceWith(real);
    }
  }
  for (const el of root.querySelectorAll('img, source')) {
    if (el.localName === 'img') {
      revealLazyImage(el);
      // Tracking pixels: 1×1 images with nothing lazy behind them.
      if (el.getAttribute('width') === '1' && el.getAttribute('height') === '1') el.remove();
      continue;
    }
    for (const a of LAZY_SRCSET) {
      const v = el.getAttribute(a);
      if (v) {
        el.setAttribute('srcset', v);
        break;
      }
    }
    const ds = el.getAttribute('data-src');
    if (ds && !el.getAttribute('src') && !el.getAttribute('srcset')) el.setAttribute('srcset', ds);
  }
}

/** Every relative URL in `root` made absolute against `base` (links, pictures, sources, posters). */
export function absolutizeUrls(root: Element, base: string): void {
  for (const el of root.querySelectorAll('a[href], img, source, video, audio, track')) {
    for (const attr of URL_ATTRS[el.localName] ?? []) {
      const v = el.getAttribute(attr);
      if (!v) continue;
      const abs = absolutize(v, base);
      if (abs !== v) el.setAttribute(attr, abs);
    }
    const srcset = el.getAttribute('srcset');
    if (srcset) el.setAttribute('srcset', absolutizeSrcset(srcset, base));
  }
}
