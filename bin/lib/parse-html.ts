import { JSDOM, VirtualConsole } from 'jsdom';
import { type DefaultTreeAdapterMap, defaultTreeAdapter, parse, serialize, type TreeAdapter } from 'parse5';
import { installFastMutations } from './jsdom-fast-mutations';

installFastMutations();

/**
 * No element nests deeper than this (Chromium's parser stops at 512, its kMaximumHTMLParserDOMTreeDepth). Lower
 * here because Readability under jsdom costs seconds per few hundred levels, and no real page comes near: the
 * deepest page of the benchmark corpora nests 52 levels.
 */
export const FLATTEN_DEPTH = 128;

const VOID = new Set(
  'area base br col embed hr img input link meta source track wbr basefont bgsound frame keygen param'.split(
    ' ',
  ),
);

/**
 * An upper estimate of the nesting depth from the tags alone (unclosed <p> and <li> make it too high, which only
 * costs the slower parse below). Scans in linear time without building anything.
 */
export function estimateDepth(html: string, stopAt = Number.POSITIVE_INFINITY): number {
  const tag = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2].toLowerCase();
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[3] && !VOID.has(name)) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    }
  }
  return max;
}

type Parent5 = DefaultTreeAdapterMap['parentNode'];
type Template5 = DefaultTreeAdapterMap['template'];
type Fragment5 = DefaultTreeAdapterMap['documentFragment'];

/** What still shows beyond the cap: elements that carry the text's structure or are media. Other elements there
 * (div, span, b, svg, table…) are unwrapped: their content stays, they go. */
const KEEP_BEYOND_CAP = new Set([
  ...VOID,
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'dt',
  'dd',
  'pre',
  'figcaption',
]);

/**
 * parse5's tree, but no element nests deeper than `maxDepth`. Beyond it, wrapper elements are dropped (their
 * children and text go to the ancestor at the cap) and structural ones become siblings at the cap, as Chromium
 * does for everything at 512. Dropping the wrappers matters: 20,000 nested <div>s as 20,000 empty siblings would
 * still cost Readability minutes.
 */
function cappedAdapter(maxDepth: number): TreeAdapter<DefaultTreeAdapterMap> {
  const templateOf = new WeakMap<Fragment5, Template5>();
  /** A dropped element → where its children go. */
  const dropped = new WeakMap<Parent5, Parent5>();
  const up = (node: Parent5): Parent5 | null =>
    (node as { parentNode?: Parent5 | null }).parentNode ?? templateOf.get(node as Fragment5) ?? null;
  const depthOf = (node: Parent5): number => {
    let d = 0;
    for (let n: Parent5 | null = node; n; n = up(n)) d++;
    return d;
  };
  /** Elements kept beyond the cap (one level past it): their text stays inside them. */
  const kept = new WeakSet<Parent5>();
  const ancestorAt = (node: Parent5, depth: number): Parent5 => {
    let n = node;
    for (let d = depthOf(node); d > depth; d--) n = up(n) ?? n;
    return n;
  };
  const place = (atCap: Parent5, node: DefaultTreeAdapterMap['childNode']) => {
    if (!defaultTreeAdapter.isElementNode(node)) defaultTreeAdapter.appendChild(atCap, node);
    else if (KEEP_BEYOND_CAP.has(node.tagName)) {
      defaultTreeAdapter.appendChild(atCap, node);
      kept.add(node);
    } else dropped.set(node, atCap);
  };
  return {
    ...defaultTreeAdapter,
    setTemplateContent(template, content) {
      templateOf.set(content, template);
      defaultTreeAdapter.setTemplateContent(template, content);
    },
    appendChild(parent, node) {
      const p = dropped.get(parent) ?? parent;
      if (kept.has(p)) {
        // Inside a kept element: inline wrappers unwrap into it, structure goes beside it.
        if (defaultTreeAdapter.isElementNode(node) && !KEEP_BEYOND_CAP.has(node.tagName))
          dropped.set(node, p);
        else place(up(p) ?? p, node);
        return;
      }
      const d = depthOf(p);
      if (d < maxDepth) defaultTreeAdapter.appendChild(p, node);
      else place(ancestorAt(p, maxDepth), node);
    },
    insertText(parent, text) {
      const p = dropped.get(parent) ?? parent;
      const into = kept.has(p) || depthOf(p) <= maxDepth ? p : ancestorAt(p, maxDepth);
      defaultTreeAdapter.insertText(into, text);
    },
  };
}

/**
 * Drops the tags nested past `maxDepth` from the source text, by the same tag count as estimateDepth, in one linear
 * pass: the HTML parser itself scans its whole stack of open elements for each new <div> (the spec's "p in button
 * scope"), so 20,000 open elements cost it minutes; this keeps the stack short. Structural elements (KEEP_BEYOND_CAP)
 * stay up to twice the cap; their text always stays.
 */
export function dropDeepTags(html: string, maxDepth = FLATTEN_DEPTH): string {
  const tag = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/g;
  const dropped: boolean[] = [];
  let depth = 0; // of the tags kept
  let out = '';
  let last = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2].toLowerCase();
    let drop = false;
    if (m[1]) {
      drop = dropped.pop() ?? false;
      if (!drop && depth > 0) depth--;
    } else if (!m[3] && !VOID.has(name)) {
      drop = depth >= maxDepth * 2 || (depth >= maxDepth && !KEEP_BEYOND_CAP.has(name));
      dropped.push(drop);
      if (!drop) depth++;
    }
    if (drop) {
      out += html.slice(last, m.index);
      last = tag.lastIndex;
    }
  }
  return out + html.slice(last);
}

/**
 * Re-serializes the page with its nesting capped at `maxDepth`: deep tags dropped from the text first, then parsed
 * by parse5 (which builds deep trees without recursion) with the cap enforced on the tree it builds.
 */
export function flattenHtml(html: string, maxDepth = FLATTEN_DEPTH): string {
  const doc = parse(dropDeepTags(html, maxDepth), {
    treeAdapter: cappedAdapter(maxDepth),
    scriptingEnabled: false,
  });
  return serialize(doc);
}

/**
 * Parses HTML into a Document the engine can read, without running scripts or fetching anything. jsdom is the DOM
 * of the command line and the tests: a spec-following HTML parser like the browsers'. Pages nested deeper than
 * FLATTEN_DEPTH are flattened first (jsdom's parser recurses per level and overflows the stack near 5,000 levels).
 * jsdom's console (CSS it cannot parse, and the like) is silenced: the page's problems are not ours to print.
 */
export function parseHtml(html: string, url: string): Document {
  const text = wellFormed(html);
  const source = estimateDepth(text, FLATTEN_DEPTH) > FLATTEN_DEPTH ? flattenHtml(text) : text;
  return new JSDOM(source, { url: safeUrl(url), virtualConsole: new VirtualConsole() }).window.document;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Lone surrogates become U+FFFD, as a browser's decoder would have made them: parse5's tokenizer throws a
 * RangeError on some (in a comment, next to another). Bytes decoded from a file never have them; strings may.
 */
function wellFormed(html: string): string {
  return LONE_SURROGATE.test(html) ? html.replace(LONE_SURROGATE, '\ufffd') : html;
}

function safeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return 'about:blank';
  }
}

/**
 * Frees a parsed page's window. jsdom's close() can throw on pages whose frames it miscounts (a page with
 * <iframe>s in odd places); the page is done with either way.
 */
export function closeDocument(doc: Document | null | undefined): void {
  try {
    doc?.defaultView?.close();
  } catch {
    /* nothing left to free that the garbage collector will not */
  }
}
