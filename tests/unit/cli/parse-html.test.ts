// The command line's input path, piece by piece: decoding, the page's own URL, deep-nesting flattening, jsdom's
// patched mutations (still correct), and the engine's limits.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { decodeHtml, NotHtmlError } from '../../../bin/lib/decode-html';
import { pageUrlOf } from '../../../bin/lib/extract-file';
import { estimateDepth, FLATTEN_DEPTH, flattenHtml, parseHtml } from '../../../bin/lib/parse-html';
import {
  checkByteSize,
  checkLimits,
  LIMITS,
  measureDocument,
  TooLargeError,
} from '../../../utils/extract/limits';

describe('decodeHtml', () => {
  const latin = (s: string) => Buffer.from(s, 'latin1');
  it.each([
    ['<meta charset="windows-1252">', 'windows-1252'],
    ['<meta charset="ISO-8859-1">', 'windows-1252'],
    ['<meta http-equiv="content-type" content="text/html; charset=latin1">', 'windows-1252'],
    ['', 'windows-1252'], // not valid UTF-8 and no label: the web's default
  ])('%s reads "città" right', (meta, encoding) => {
    const r = decodeHtml(latin(`<html><head>${meta}</head><body>citt\xe0 \x93ok\x94</body></html>`));
    expect(r.encoding).toBe(encoding);
    expect(r.html).toContain('città “ok”');
  });

  it('UTF-8 without a label, UTF-8 and UTF-16 byte order marks', () => {
    expect(decodeHtml(Buffer.from('<p>città</p>')).html).toBe('<p>città</p>');
    expect(decodeHtml(Buffer.from('\ufeff<p>città</p>')).html).toBe('<p>città</p>');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>città</p>', 'utf16le')]);
    expect(decodeHtml(utf16).html).toBe('<p>città</p>');
  });

  it.each([
    [Buffer.alloc(0), 'empty file'],
    [Buffer.from(' \n\t '), 'empty file (only white space)'],
    [
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'not an HTML page (binary data)',
    ],
  ])('refuses %#', (bytes, message) => {
    expect(() => decodeHtml(bytes)).toThrow(new NotHtmlError(message));
  });
});

describe('pageUrlOf', () => {
  const base = 'file:///tmp/page.html';
  it.each([
    ['<link rel="canonical" href="https://a.example/x">', 'https://a.example/x'],
    ["<LINK HREF='https://a.example/y?a=1&amp;b=2' REL='Canonical'>", 'https://a.example/y?a=1&b=2'],
    ['<meta property="og:url" content="https://a.example/og">', 'https://a.example/og'],
    [
      '<meta content="https://a.example/og" property="og:url"><link rel="canonical" href="https://a.example/c">',
      'https://a.example/c',
    ],
    ['<link rel="canonical" href="/relative">', null], // resolves to a file: URL, which is no page address
    ['<link rel="canonical" href="javascript:alert(1)">', null],
    ['<link rel="stylesheet" href="https://a.example/s.css">', null],
  ])('%s → %s', (head, url) => {
    expect(pageUrlOf(`<html><head>${head}</head></html>`, base)).toBe(url);
  });
});

describe('deep nesting', () => {
  const nested = (tag: string, n: number, inner: string) =>
    `${`<${tag}>`.repeat(n)}${inner}${`</${tag}>`.repeat(n)}`;

  it('estimates depth from the tags, ignoring void elements and self-closed tags', () => {
    expect(estimateDepth('<div><p>a<br><img src=x><span/></p></div>')).toBe(2);
    expect(estimateDepth(nested('div', 500, 'x'))).toBe(500);
    expect(estimateDepth(nested('div', 500, 'x'), 100)).toBe(101); // stops early
  });

  it('flattens 20,000 nested elements to the cap, keeping text and paragraphs', () => {
    const html = `<html><body>${nested('div', 20_000, '<p>one</p><p>two</p>text')}</body></html>`;
    const doc = parseHtml(html, 'https://x.example/');
    expect(measureDocument(doc).depth).toBeLessThanOrEqual(FLATTEN_DEPTH);
    expect([...doc.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['one', 'two']);
    expect(doc.body.textContent).toContain('text');
  });

  it('leaves pages under the cap exactly as jsdom parses them', () => {
    const html = `<html><body>${nested('div', 40, '<p>x</p>')}<table><td>cell</table></body></html>`;
    expect(parseHtml(html, 'https://x.example/').documentElement.outerHTML).toBe(
      new JSDOM(html).window.document.documentElement.outerHTML,
    );
    expect(flattenHtml('<p>a<b>b</b></p>')).toBe('<html><head></head><body><p>a<b>b</b></p></body></html>');
  });
});

describe('jsdom with the fast-mutation patch stays correct', () => {
  it('live collections follow every mutation', () => {
    const doc = parseHtml('<ul><li>a</li><li>b</li><li>c</li></ul>', 'https://x.example/');
    const ul = doc.querySelector('ul')!;
    const kids = ul.children;
    const nodes = ul.childNodes;
    expect(kids.length).toBe(3);
    ul.removeChild(kids[1]);
    expect([...kids].map((k) => k.textContent)).toEqual(['a', 'c']);
    const li = doc.createElement('li');
    li.textContent = 'z';
    ul.insertBefore(li, kids[0]);
    ul.replaceChild(doc.createElement('li'), kids[2]);
    expect(kids.length).toBe(3);
    expect(kids[0].textContent).toBe('z');
    expect(kids.item(1)?.textContent).toBe('a');
    expect(nodes.length).toBe(3);
  });

  it('live Ranges still move with insertions and removals', () => {
    const doc = parseHtml('<p id="p"><b>1</b><b>2</b><b>3</b></p>', 'https://x.example/');
    const p = doc.getElementById('p')!;
    const range = doc.createRange();
    range.setStart(p, 2);
    range.setEnd(p, 3);
    p.insertBefore(doc.createElement('i'), p.firstChild);
    expect([range.startOffset, range.endOffset]).toEqual([3, 4]);
    p.removeChild(p.firstChild!);
    p.removeChild(p.firstChild!);
    expect([range.startOffset, range.endOffset]).toEqual([1, 2]);
    expect(range.toString()).toBe('3');
  });
});

describe('limits', () => {
  it('measures nodes and element depth without recursion', () => {
    const doc = parseHtml('<html><body><div><p>a<b>b</b></p></div></body></html>', 'https://x.example/');
    // html, head, body, div, p, "a", b, "b"
    expect(measureDocument(doc)).toEqual({ nodes: 8, depth: 5 });
  });

  it('refuses too many nodes, too deep nesting and too many bytes with one clear line', () => {
    const many = parseHtml(`<body>${'<i></i>'.repeat(200)}</body>`, 'https://x.example/');
    const small = { ...LIMITS, maxNodes: 100 };
    expect(() => checkLimits(many, small)).toThrow(TooLargeError);
    expect(() => checkLimits(many, small)).toThrow('page too large: more than 100 nodes (the limit)');
    const deep = parseHtml('<div><div><div><div>x</div></div></div></div>', 'https://x.example/');
    expect(() => checkLimits(deep, { ...LIMITS, maxDepth: 4 })).toThrow(
      'page too large: elements nested more than 4 levels deep (the limit)',
    );
    expect(() => checkLimits(deep)).not.toThrow();
    expect(() => checkByteSize(13 * 1024 * 1024)).toThrow(
      'page too large: 13.0 MB of HTML (the limit is 12.0 MB)',
    );
    expect(() => checkByteSize(6 * 1024 * 1024)).not.toThrow();
  });
});
