// Pictures of saved articles: found in the article HTML at save time, fetched and stored as blobs, and
// swapped back in (as object URLs) when a page shows the article, so it reads with the network off.
import { libraryDb, type StoredImage } from './db';
import type { SkippedImage } from './types';

export const IMAGE_CAPS = {
  /** A single picture larger than this is a poster or a raw photo, not an article illustration. */
  perImage: 5 * 1024 * 1024,
  /** All pictures of one article together. */
  perArticle: 25 * 1024 * 1024,
  count: 60,
  timeoutMs: 15_000,
};

const IMG_TAG = /<img\b[^>]*>/gi;
const ATTR = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** The src of an <img> tag, or the first candidate of its srcset when it has no src. */
function imageSource(tag: string): string | null {
  const src = ATTR('src').exec(tag);
  const value = src ? (src[1] ?? src[2] ?? src[3]) : null;
  if (value?.trim()) return decodeEntities(value.trim());
  const srcset = ATTR('srcset').exec(tag);
  const set = srcset ? (srcset[1] ?? srcset[2] ?? srcset[3]) : null;
  const first = set?.split(',')[0]?.trim().split(/\s+/)[0];
  return first ? decodeEntities(first) : null;
}

/**
 * The distinct http(s) image URLs of an article's HTML, resolved against its page URL, in document order.
 * A regular expression rather than DOMParser because saves run in the background service worker, which has
 * no DOM; the HTML comes out of DOMPurify, so its <img> tags are well formed.
 */
export function findImageUrls(html: string, baseUrl: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(IMG_TAG)) {
    const src = imageSource(m[0]);
    if (!src) continue;
    try {
      const url = new URL(src, baseUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') urls.add(url.href);
    } catch {
      // An unparseable src cannot be fetched; the reader shows whatever the browser makes of it.
    }
  }
  return [...urls];
}

export interface FetchedImages {
  images: Omit<StoredImage, 'articleId'>[];
  skipped: SkippedImage[];
}

/** Fetches the pictures within the caps; every picture not stored is listed with its reason. */
export async function fetchImages(
  urls: string[],
  fetchFn: typeof fetch = fetch,
  caps = IMAGE_CAPS,
): Promise<FetchedImages> {
  const images: FetchedImages['images'] = [];
  const skipped: SkippedImage[] = [];
  const wanted = urls.slice(0, caps.count);
  for (const url of urls.slice(caps.count)) skipped.push({ url, reason: 'article-cap' });

  const results = new Array<Omit<StoredImage, 'articleId'> | SkippedImage>(wanted.length);
  let next = 0;
  // Four at a time: fast enough for a gallery, gentle with the site's server.
  const worker = async () => {
    while (next < wanted.length) {
      const i = next++;
      results[i] = await fetchOne(wanted[i], fetchFn, caps);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, wanted.length) }, worker));

  let total = 0;
  for (const r of results) {
    if ('reason' in r) skipped.push(r);
    else if (total + r.bytes > caps.perArticle) skipped.push({ url: r.url, reason: 'article-cap' });
    else {
      total += r.bytes;
      images.push(r);
    }
  }
  return { images, skipped };
}

async function fetchOne(
  url: string,
  fetchFn: typeof fetch,
  caps: typeof IMAGE_CAPS,
): Promise<Omit<StoredImage, 'articleId'> | SkippedImage> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), caps.timeoutMs);
  try {
    const res = await fetchFn(url, { credentials: 'omit', signal: abort.signal });
    if (!res.ok) return { url, reason: 'http-error' };
    const type = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!type.startsWith('image/')) return { url, reason: 'not-image' };
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > caps.perImage) return { url, reason: 'too-large' };
    const blob = await res.blob();
    if (blob.size > caps.perImage) return { url, reason: 'too-large' };
    return { url, blob, type, bytes: blob.size };
  } catch {
    return { url, reason: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

/** A blob as a data: URL (workers have no FileReader-free shortcut; chunks keep String.fromCharCode happy). */
export async function blobToDataUrl(blob: Blob, type = blob.type): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return `data:${type || 'application/octet-stream'};base64,${btoa(binary)}`;
}

const DROP_ATTRS = /\s(?:srcset|sizes|loading)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;
const SRC_ATTR = /\ssrc\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/i;

/**
 * The article HTML with every stored picture swapped in, so it shows with the network off. `as: 'data'`
 * (default) inlines data:image URLs — they survive the reader's sanitizer (which keeps only http(s) and
 * data:image sources) and work in the service worker too; `as: 'object'` gives blob: object URLs (lighter,
 * pages only; call revoke() when done). srcset/sizes go where a stored picture replaces the src, since the
 * browser would otherwise prefer them and go to the network; so do the <source srcset> of <picture>.
 * Regular expressions, not DOMParser, for the same reason as findImageUrls.
 */
export async function resolveImages(
  html: string,
  articleId: string,
  baseUrl: string,
  options: { as?: 'data' | 'object' } = {},
): Promise<{ html: string; stored: number; revoke: () => void }> {
  const stored = await libraryDb().images.where('articleId').equals(articleId).toArray();
  if (stored.length === 0) return { html, stored: 0, revoke: () => {} };
  const local = new Map<string, string>();
  for (const image of stored) {
    local.set(
      image.url,
      options.as === 'object' ? URL.createObjectURL(image.blob) : await blobToDataUrl(image.blob, image.type),
    );
  }
  let swapped = 0;
  const out = html.replace(IMG_TAG, (tag) => {
    const src = imageSource(tag);
    if (!src) return tag;
    let key: string;
    try {
      key = new URL(src, baseUrl).href;
    } catch {
      return tag;
    }
    const url = local.get(key);
    if (!url) return tag;
    swapped++;
    const rest = tag.replace(DROP_ATTRS, '');
    const attr = ` src="${url}"`;
    return SRC_ATTR.test(rest) ? rest.replace(SRC_ATTR, attr) : rest.replace(/^<img\b/i, `<img${attr}`);
  });
  const cleaned = swapped ? out.replace(/<source\b[^>]*\bsrcset\s*=[^>]*>/gi, '') : out;
  return {
    html: cleaned,
    stored: swapped,
    revoke: () => {
      for (const url of local.values()) if (url.startsWith('blob:')) URL.revokeObjectURL(url);
    },
  };
}
