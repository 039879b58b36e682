/** JSON-LD objects of a page, flattened out of arrays and `@graph`. Small: the detector imports it. */

export type JsonLdObject = Record<string, unknown>;

// Sets and string methods rather than patterns: the content script calls these on every page, where each pattern's
// first use in a fresh renderer costs a compile (see url-signals.ts).
const ARTICLE_TYPES: ReadonlySet<string> = new Set(
  'Article NewsArticle BlogPosting ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle BackgroundNewsArticle ReviewNewsArticle AskPublicNewsArticle LiveBlogPosting SatiricalArticle ScholarlyArticle TechArticle Report SocialMediaPosting DiscussionForumPosting'.split(
    ' ',
  ),
);

const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';

/**
 * The JSON of a JSON-LD script, out of the CDATA section some sites wrap it in (`<![CDATA[…]]>`, or commented out as
 * `//<![CDATA[ … //]]>`), as Readability's own JSON-LD reader unwraps it. Null for text that cannot be JSON-LD:
 * an object or an array is all we read, and a failed JSON.parse costs a thrown error, about 1 ms in a fresh
 * renderer (the stack trace is captured).
 */
export function jsonLdText(raw: string): string | null {
  let text = raw.trim();
  const open = text.startsWith('//') ? text.slice(2).trimStart() : text;
  if (open.startsWith(CDATA_OPEN)) text = open.slice(CDATA_OPEN.length).trimStart();
  if (text.endsWith(CDATA_CLOSE)) {
    text = text.slice(0, -CDATA_CLOSE.length).trimEnd();
    if (text.endsWith('//')) text = text.slice(0, -2).trimEnd();
  }
  const first = text[0];
  const last = text[text.length - 1];
  return (first === '{' && last === '}') || (first === '[' && last === ']') ? text : null;
}

export const JSON_LD_SELECTOR = 'script[type="application/ld+json"]';

export function jsonLdObjects(doc: Document): JsonLdObject[] {
  return jsonLdOf(doc.querySelectorAll(JSON_LD_SELECTOR));
}

/**
 * The objects of the given JSON-LD script elements (for callers that already found them). With `typedOnly` (the
 * detector, which reads types alone), scripts without a `"@type"` key are not parsed: a page's malformed JSON-LD
 * (HTML-escaped quotes, say) then costs no thrown error.
 */
export function jsonLdOf(scripts: Iterable<Element>, { typedOnly = false } = {}): JsonLdObject[] {
  const out: JsonLdObject[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as JsonLdObject;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const s of scripts) {
    try {
      const text = jsonLdText(s.textContent ?? '');
      if (text && (!typedOnly || text.includes('"@type"'))) visit(JSON.parse(text), 0);
    } catch {
      /* malformed JSON-LD is common; it simply gives no signal */
    }
  }
  return out;
}

export function typesOf(o: JsonLdObject): string[] {
  const t = o['@type'];
  const list = Array.isArray(t) ? t : [t];
  // A full IRI or a prefixed name (`https://schema.org/NewsArticle`, `schema:NewsArticle`): its last part.
  return list
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.slice(Math.max(x.lastIndexOf('/'), x.lastIndexOf('#'), x.lastIndexOf(':')) + 1));
}

export const isArticleType = (type: string) => ARTICLE_TYPES.has(type);

/** The first JSON-LD object typed as an article, if any. */
export function jsonLdArticle(objects: JsonLdObject[]): JsonLdObject | null {
  return objects.find((o) => typesOf(o).some(isArticleType)) ?? null;
}
