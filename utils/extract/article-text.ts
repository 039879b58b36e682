/** Article HTML → plain text: paragraphs and headings separated by blank lines, <br> as a line break. */

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TR',
  'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SELECT', 'TEXTAREA']);

export function articleText(root: Element): string {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const t = line
      .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim();
    if (t) blocks.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        line += (c.nodeValue ?? '').replace(/\s+/g, ' ');
      } else if (c.nodeType === 1) {
        const tag = (c as Element).tagName;
        if (SKIP.has(tag)) continue;
        if (tag === 'BR') {
          line += '\n';
          continue;
        }
        if (tag === 'TD' || tag === 'TH') {
          walk(c);
          line += ' ';
          continue;
        }
        const block = BLOCK.has(tag);
        if (block) flush();
        walk(c);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return blocks.join('\n\n');
}

/** The paragraphs of an Article.text. */
export const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
