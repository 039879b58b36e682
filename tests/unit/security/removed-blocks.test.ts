// "What was removed" carries page HTML to the clean view: the removed blocks are sanitized in the page, all of them
// in one sanitizer pass (sanitizeHtmlEach). For a block (an element's HTML) that pass must give exactly what
// sanitizing it alone gives, and no block's markup may reach into another's.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { runExtraction } from '../../../utils/extension/run-extraction';
import { extractArticle, sanitizeHtml, sanitizeHtmlEach } from '../../../utils/extract';
import { type PageResult, runPageRequest } from '../../../utils/rules/page-request';

const URL_ = 'https://news.example/2024/05/04/harbour';
const win = () => new JSDOM('<!doctype html><body></body>', { url: URL_ }).window as unknown as Window;

const HOSTILE = [
  '<nav><a href="/">Home</a><img src="x" onerror="window.pwned=1"></nav>',
  '<aside onclick="window.pwned=1"><p>Related: <a href="javascript:alert(1)">the ferry</a></p></aside>',
  '<div><script>window.pwned=1</script><style>p{}</style><p style="color:red">Styled</p></div>',
  '<form action="https://evil.example"><input name="q"><button>Subscribe</button></form>',
  '<svg><foreignObject><iframe srcdoc="<script>1</script>"></iframe></foreignObject></svg>',
  '<table><tr><td>Cell</td></tr></table><noscript><p title="</noscript><img src=x onerror=alert(1)>">x</p></noscript>',
  '<p>Plain text</p>',
  '',
];

describe('sanitizing removed blocks in one pass', () => {
  it.each(HOSTILE.map((html, i) => [i, html]))(
    'block %i comes out as sanitizing it alone gives',
    (i, html) => {
      const w = win();
      expect(sanitizeHtmlEach(HOSTILE, w)[i as number]).toBe(sanitizeHtml(html as string, w));
    },
  );

  it('leaves no handler, script or javascript: URL in any block', () => {
    const out = sanitizeHtmlEach(HOSTILE, win()).join('\n');
    expect(out).not.toMatch(/onerror|onclick|<script|javascript:|<iframe|<form|srcdoc/i);
    expect(out).toContain('Subscribe'); // a form's text stays, as with sanitizeHtml
  });

  it("keeps each block's markup to itself: an unclosed or stray tag does not reach the next block", () => {
    const blocks = [
      '<div><p>one <b>bold',
      '</b></p></div></div><i>two</i>',
      '</template><u>three</u>',
      '<p>four',
    ];
    const out = sanitizeHtmlEach(blocks, win());
    expect(out[0]).toBe('<div><p>one <b>bold</b></p></div>');
    expect(out.map((html) => html.replace(/<[^>]*>/g, ''))).toEqual(['one bold', 'two', 'three', 'four']);
  });
});

const PAGE = `<!doctype html><html lang="en"><head><title>Harbour works</title></head><body>
<nav class="top"><a href="/">Home</a><img src="x" onerror="window.pwned=1"></nav>
<article><h1>Harbour works begin</h1>
${Array.from({ length: 6 }, (_, i) => `<p>The harbour works began on Monday, paragraph ${i}, with cranes lifting the first concrete blocks into place along the northern pier while the ferries kept running.</p>`).join('\n')}
</article>
<aside onclick="window.pwned=1"><p>Related: <a href="/ferries">the ferry timetable</a></p></aside>
<nav class="endless">${'<a href="/sections/harbour-and-ferries">Harbour</a> '.repeat(500)}</nav>
<aside><p>Most read: the lighthouse</p></aside>
</body></html>`;

describe('the removed blocks an extraction in the page returns', () => {
  const w = new JSDOM(PAGE, { url: URL_ }).window as unknown as Window & typeof globalThis;
  const res = runPageRequest(w, { kind: 'extract', rules: [], restored: {}, exclude: [] }, (options) =>
    runExtraction(w.document, URL_, [], options),
  ) as Extract<PageResult, { article: unknown }>;
  const chrome = res.article.removedBlocks?.find((b) => b.rule === 'site-chrome');

  it('are sanitized, grouped by rule, each with its own key, and the oversized one is left out', () => {
    expect(res.article.text).toContain('The harbour works began on Monday');
    expect(chrome?.html).toHaveLength(3); // a nav and two asides; the 28 KB menu is too big to carry
    expect(chrome?.keys).toHaveLength(3);
    // Each block keeps its own key: the oversized third one's key goes with it.
    const raw = extractArticle(w.document, URL_, { keepRemoved: true }).removedBlocks;
    const rawKeys = raw?.find((b) => b.rule === 'site-chrome')?.keys ?? [];
    expect(rawKeys).toHaveLength(4);
    expect(chrome?.keys).toEqual([rawKeys[0], rawKeys[1], rawKeys[3]]);
    expect(chrome?.html.join('')).not.toMatch(/onerror|onclick|sections\/harbour/);
    expect(chrome?.html[0]).toContain('Home');
    expect(chrome?.html[1]).toContain('the ferry timetable');
    expect(chrome?.html[2]).toContain('Most read: the lighthouse');
  });
});
