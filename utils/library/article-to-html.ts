// One saved article as a standalone HTML file: no script, no outside style, pictures inlined when given,
// so it opens anywhere, offline, years from now.
import type { SavedArticle } from './types';

const esc = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `body{margin:0;background:#fbfaf7;color:#1d1d1f;font:19px/1.6 Georgia,'Times New Roman',serif}
main{max-width:40rem;margin:0 auto;padding:2.5rem 1.25rem}h1{font-size:2rem;line-height:1.2;margin:0 0 .5rem}
.meta{color:#5f5f66;font:15px/1.4 system-ui,sans-serif;margin-bottom:2rem}.meta a{color:inherit}
img{max-width:100%;height:auto}figure{margin:1.5rem 0}figcaption{color:#5f5f66;font-size:.85em}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #c9c5bb}`;

/**
 * The article as a whole HTML document. `html` is the article body to use (e.g. with pictures swapped for
 * data: URLs); by default the stored, sanitized HTML. The body HTML is already sanitized; every other field is
 * escaped here.
 */
export function articleToHtml(article: SavedArticle, html = article.html): string {
  const lang = article.lang ? ` lang="${esc(article.lang)}"` : '';
  const meta = [
    article.byline && esc(article.byline),
    article.siteName && esc(article.siteName),
    article.publishedTime &&
      `<time datetime="${esc(article.publishedTime)}">${esc(article.publishedTime.slice(0, 10))}</time>`,
    `<a href="${esc(article.url)}">${esc(article.url)}</a>`,
  ].filter(Boolean);
  return `<!doctype html>
<html${lang}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Nitido">
<meta name="nitido:saved" content="${esc(article.savedAt)}">
<title>${esc(article.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<article>
<h1>${esc(article.title)}</h1>
<p class="meta">${meta.join(' · ')}</p>
${html}
</article>
</main>
</body>
</html>
`;
}

/** Several articles in one standalone HTML file (a selection exported at once), one after another. */
export function articlesToHtml(
  articles: { article: SavedArticle; html?: string }[],
  title = 'Nitido',
): string {
  if (articles.length === 1) return articleToHtml(articles[0].article, articles[0].html);
  const bodies = articles.map(({ article, html }) => {
    const page = articleToHtml(article, html);
    return page.slice(page.indexOf('<article>'), page.indexOf('</article>') + '</article>'.length);
  });
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Nitido">
<title>${esc(title)}</title>
<style>${STYLE}article+article{margin-top:4rem;padding-top:2rem;border-top:1px solid #c9c5bb}</style>
</head>
<body>
<main>
${bodies.join('\n')}
</main>
</body>
</html>
`;
}
