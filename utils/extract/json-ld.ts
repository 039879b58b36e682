/** JSON-LD objects of a page, flattened out of arrays and `@graph`. Small: the detector imports it. */

export type JsonLdObject = Record<string, unknown>;

const ARTICLE_TYPE =
  /^(Article|NewsArticle|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|LiveBlogPosting|SatiricalArticle|ScholarlyArticle|TechArticle|Report|SocialMediaPosting|DiscussionForumPosting)$/;

export const JSON_LD_SELECTOR = 'script[type="application/ld+json"]';

export function jsonLdObjects(doc: Document): JsonLdObject[] {
  return jsonLdOf(doc.querySelectorAll(JSON_LD_SELECTOR));
}

/** The objects of the given JSON-LD script elements (for callers that already found them). */
export function jsonLdOf(scripts: Iterable<Element>): JsonLdObject[] {
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
      // Some sites wrap the JSON in CDATA or leave trailing commas' neighbours; the plain cases are what count.
      visit(JSON.parse((s.textContent ?? '').replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '')), 0);
    } catch {
      /* malformed JSON-LD is common; it simply gives no signal */
    }
  }
  return out;
}

export function typesOf(o: JsonLdObject): string[] {
  const t = o['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
}

export const isArticleType = (type: string) => ARTICLE_TYPE.test(type);

/** The first JSON-LD object typed as an article, if any. */
export function jsonLdArticle(objects: JsonLdObject[]): JsonLdObject | null {
  return objects.find((o) => typesOf(o).some(isArticleType)) ?? null;
}
