/**
 * Limits that keep extraction bounded: a page over them gives a clear "too large" error instead of a hung tab or
 * a blown stack. Pure (a Document in); extractArticle calls checkLimits first, the command line also checks the
 * raw byte size before it parses anything.
 *
 * Why these numbers (measured on jsdom, the slower of the two DOMs; see the README's robustness section):
 * - Real news pages, including the largest pages of the benchmark corpora, stay far below every limit.
 * - Readability's cost grows with depth × nodes; past MAX_DEPTH a page is an attack or a bug, never an article.
 *   Chromium's HTML parser itself stops nesting at 512 levels (deeper elements become siblings), so a parsed page
 *   never goes deeper; only a script-built DOM can.
 */
export const LIMITS = {
  /** Bytes of HTML (after gunzip). A 6 MB live blog passes; a gzip bomb does not. */
  maxBytes: 12 * 1024 * 1024,
  /** Nodes of every kind (elements, text, comments): 4× the largest page of the benchmark corpora (24,275). */
  maxNodes: 100_000,
  /** Element nesting depth. */
  maxDepth: 512,
} as const;

export type Limits = { maxBytes: number; maxNodes: number; maxDepth: number };

export type LimitKind = 'bytes' | 'nodes' | 'depth';

/** The page is over one of the limits. `message` is one line, fit for a user. */
export class TooLargeError extends Error {
  override readonly name = 'TooLargeError';
  constructor(
    readonly kind: LimitKind,
    /** The measured value, or the value at which counting stopped (it stops just past the limit). */
    readonly actual: number,
    readonly limit: number,
  ) {
    super(TooLargeError.describe(kind, actual, limit));
  }

  private static describe(kind: LimitKind, actual: number, limit: number): string {
    const n = (x: number) => x.toLocaleString('en-US');
    if (kind === 'bytes') {
      const mb = (x: number) => `${(x / 1024 / 1024).toFixed(1)} MB`;
      if (!Number.isFinite(actual)) return `page too large: more than ${mb(limit)} of HTML (the limit)`;
      return `page too large: ${mb(actual)} of HTML (the limit is ${mb(limit)})`;
    }
    if (kind === 'nodes') return `page too large: more than ${n(limit)} nodes (the limit)`;
    return `page too large: elements nested more than ${n(limit)} levels deep (the limit)`;
  }
}

export function isTooLargeError(e: unknown): e is TooLargeError {
  return e instanceof TooLargeError || (e instanceof Error && e.name === 'TooLargeError');
}

/** Throws TooLargeError when `bytes` (the HTML's size) is over the limit. */
export function checkByteSize(bytes: number, limits: Limits = LIMITS): void {
  if (bytes > limits.maxBytes) throw new TooLargeError('bytes', bytes, limits.maxBytes);
}

export interface DocumentSize {
  nodes: number;
  depth: number;
}

/**
 * Counts nodes and the deepest element nesting without recursion (a recursive walk is what blows the stack on a
 * deep page), stopping as soon as a limit is passed so a huge page costs no more than the limit.
 */
export function measureDocument(doc: Document, limits: Limits = LIMITS): DocumentSize {
  const root = doc.documentElement;
  if (!root) return { nodes: 0, depth: 0 };
  let nodes = 0;
  let depth = 1;
  let maxDepth = 1;
  let node: Node = root;
  for (;;) {
    nodes++;
    if (node.nodeType === 1 && depth > maxDepth) maxDepth = depth;
    if (nodes > limits.maxNodes || maxDepth > limits.maxDepth) break;
    const first: Node | null = node.firstChild;
    if (first) {
      node = first;
      depth++;
      continue;
    }
    for (;;) {
      if (node === root) return { nodes, depth: maxDepth };
      const sibling: Node | null = node.nextSibling;
      if (sibling) {
        node = sibling;
        break;
      }
      node = node.parentNode as Node;
      depth--;
    }
  }
  return { nodes, depth: maxDepth };
}

/** Throws TooLargeError when the document has more nodes or deeper nesting than the limits allow. */
export function checkLimits(doc: Document, limits: Limits = LIMITS): void {
  const size = measureDocument(doc, limits);
  if (size.depth > limits.maxDepth) throw new TooLargeError('depth', size.depth, limits.maxDepth);
  if (size.nodes > limits.maxNodes) throw new TooLargeError('nodes', size.nodes, limits.maxNodes);
}
