// DOM-side helpers of the extension pages, in jsdom: the render-time sanitizer, quote lookup, page parameters.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { groupQuotes } from '@/components/QuoteSummary';
import { findQuoteElement } from '@/utils/extension/find-quote';
import { readPageTarget } from '@/utils/extension/page-params';
import { sanitizeForRender } from '@/utils/extension/sanitize-for-render';

const win = () => new JSDOM('<!doctype html><body></body>').window as unknown as Window;

describe('sanitizeForRender', () => {
  const hostile = `
<p>Text <img src="x.png" onerror="alert(1)"> <a href="javascript:alert(1)">js</a>
<a href="https://example.org/a" target="_self" rel="opener">ok</a> <a href="/relative">rel</a></p>
<script>alert(1)</script><iframe src="https://evil.example"></iframe><iframe srcdoc="<script>1</script>"></iframe>
<object data="x"></object><embed src="x"><form action="https://evil.example"><input name="q"><button>go</button></form>
<svg><script>alert(1)</script><a href="javascript:alert(1)"><text>x</text></a></svg>
<style>body{display:none}</style><link rel="stylesheet" href="https://evil.example/a.css"><base href="https://evil.example/">
<p style="position:fixed" class="x" id="getElementById" data-track="1" onclick="alert(1)">styled</p>
<figure><img src="https://img.example/a.jpg" alt="A"><figcaption>A caption</figcaption></figure>
<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"><img src="data:text/html,<script>1</script>">`;

  const out = sanitizeForRender(hostile, win());
  const doc = new JSDOM(`<body>${out}</body>`).window.document;

  it('removes active content, forms, frames and styles', () => {
    expect(
      doc.querySelectorAll('script, iframe, object, embed, form, input, button, style, link, base'),
    ).toHaveLength(0);
    expect(out).not.toMatch(/alert|srcdoc|javascript:/i);
  });

  it('removes event handlers, inline styles, ids, classes and data attributes', () => {
    const attrs = [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name));
    expect(attrs.filter((a) => /^on|^style$|^id$|^class$|^data-/.test(a))).toEqual([]);
  });

  it('sends every kept link to a new tab without opener or referrer', () => {
    const links = [...doc.querySelectorAll('a[href]')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/a']);
    expect(links[0].getAttribute('target')).toBe('_blank');
    expect(links[0].getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps figures, captions and images (remote and inline pictures saved by the library)', () => {
    expect(doc.querySelector('figure img')?.getAttribute('src')).toBe('https://img.example/a.jpg');
    expect(doc.querySelector('figcaption')?.textContent).toBe('A caption');
    const srcs = [...doc.querySelectorAll('img')].map((i) => i.getAttribute('src'));
    expect(srcs).toContain('data:image/png;base64,iVBORw0KGgo=');
    expect(srcs.filter((s) => s?.startsWith('data:text'))).toEqual([]);
    expect(doc.querySelector('figure img')?.getAttribute('loading')).toBe('lazy');
  });
});

describe('findQuoteElement', () => {
  const doc =
    new JSDOM(`<div id="r"><p>Intro.</p><div><p>“This barrier will  protect three thousand homes,” said Anna.</p></div>
<blockquote><p>Another quote here</p></blockquote></div>`).window.document;
  const root = doc.getElementById('r')!;
  it('finds the paragraph that holds the quote, ignoring quote marks and spacing', () => {
    expect(findQuoteElement(root, 'This barrier will protect three thousand homes')?.textContent).toContain(
      'said Anna',
    );
  });
  it('returns the innermost block', () => {
    expect(findQuoteElement(root, 'Another quote here')?.tagName).toBe('P');
  });
  it('returns null when the quote is not there', () => {
    expect(findQuoteElement(root, 'Never said')).toBeNull();
    expect(findQuoteElement(root, '')).toBeNull();
  });
});

describe('readPageTarget', () => {
  it.each([
    ['?tabId=42', { kind: 'tab', tabId: 42 }],
    ['?id=abc%20d', { kind: 'saved', id: 'abc d' }],
    ['?tabId=x&id=7', { kind: 'saved', id: '7' }],
    ['?tabId=-1', { kind: 'none' }],
    ['', { kind: 'none' }],
  ])('%s', (search, expected) => expect(readPageTarget(search)).toEqual(expected));
});

describe('groupQuotes', () => {
  it('groups by speaker, most quoted first as listed, unattributed last', () => {
    const q = (text: string, speaker: string | null, role: string | null = null) => ({
      text,
      speaker,
      role,
      paragraph: 0,
      confidence: 1,
    });
    const groups = groupQuotes(
      [q('a', null), q('b', 'Anna Verdi', 'mayor'), q('c', 'Luca Bianchi'), q('d', 'Anna Verdi', 'mayor')],
      [
        { name: 'Anna Verdi', role: 'mayor', quotes: 2 },
        { name: 'Luca Bianchi', role: null, quotes: 1 },
      ],
    );
    expect(groups.map((g) => [g.name, g.role, g.quotes.map((x) => x.text).join('')])).toEqual([
      ['Anna Verdi', 'mayor', 'bd'],
      ['Luca Bianchi', null, 'c'],
      [null, null, 'a'],
    ]);
  });
});

describe('sanitizeForRender on markup that breaks out of its wrapper', () => {
  it('drops what lands outside and keeps cleaning what stays inside', () => {
    const out = sanitizeForRender('<p>kept</p></div><img src="x" onerror="alert(1)"><p>after</p>', win());
    expect(out).toContain('<p>kept</p>');
    expect(out).not.toMatch(/onerror|alert/);
  });
});
