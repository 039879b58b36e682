/**
 * Makes jsdom's insertBefore/replaceChild/removeChild O(1) again on wide elements. Two costs, both O(children)
 * per mutation, so O(n²) over a wide parent (a live blog's thousands of entries, a list of 20,000 items):
 *
 * 1. jsdom refreshes a parent's `children` and `childNodes` collections eagerly on every mutation, once they
 *    have been read (Readability reads them). They also refresh themselves when next read (their version check),
 *    so the eager refresh is skipped; 15 s → under 1 s for Readability on 5,000 list items.
 * 2. jsdom computes a child's index on every insert-before and remove, only to update live Ranges; its index cache is
 * dropped on each mutation, so Readability's replaceChild over a parent with 25,000 children costs O(n²) (46 s on a
 * 100,000-node page, 2 s with this). While no live Range has ever been created in this process the index is not
 * needed, and we skip computing it; as soon as one Range exists, jsdom runs unchanged. Browsers have no such cost,
 * so this only brings the command line closer to them. Tested in tests/unit/cli/jsdom-fast-mutations.test.ts.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Impl {
  prototype: Record<string, (...args: unknown[]) => unknown>;
}

let installed = false;

export function installFastMutations(): void {
  if (installed) return;
  installed = true;
  // jsdom's internals load in a cycle; the public entry point must be loaded first.
  require('jsdom');
  let NodeImpl: Impl;
  let RangeImpl: Impl;
  let tree: { index: (node: unknown) => number };
  try {
    NodeImpl = require('jsdom/lib/jsdom/living/nodes/Node-impl.js').implementation;
    RangeImpl = require('jsdom/lib/jsdom/living/range/Range-impl.js').implementation;
    tree = require('jsdom/lib/jsdom/living/helpers/internal-constants.js').domSymbolTree;
  } catch {
    return; // another jsdom layout: stay correct, just slower
  }
  const ok =
    typeof NodeImpl?.prototype?._modified === 'function' &&
    typeof NodeImpl.prototype._insert === 'function' &&
    typeof NodeImpl.prototype._remove === 'function' &&
    typeof RangeImpl?.prototype?._setLiveRangeStart === 'function' &&
    typeof RangeImpl.prototype._setLiveRangeEnd === 'function' &&
    typeof tree?.index === 'function';
  if (!ok) return;

  const modified = NodeImpl.prototype._modified;
  NodeImpl.prototype._modified = function (this: Record<string, unknown>, ...args: unknown[]) {
    const children = this._childrenList;
    const childNodes = this._childNodesList;
    this._childrenList = undefined;
    this._childNodesList = undefined;
    try {
      return modified.apply(this, args);
    } finally {
      this._childrenList = children;
      this._childNodesList = childNodes;
    }
  };

  let rangesSeen = false;
  for (const name of ['_setLiveRangeStart', '_setLiveRangeEnd']) {
    const original = RangeImpl.prototype[name];
    RangeImpl.prototype[name] = function (this: unknown, ...args: unknown[]) {
      rangesSeen = true;
      return original.apply(this, args);
    };
  }

  // The index is asked for exactly once, first thing, for this node; only that one call is answered cheaply.
  let skipFor: unknown = null;
  const index = tree.index;
  tree.index = function (this: unknown, node: unknown) {
    if (node !== null && node === skipFor) {
      skipFor = null;
      return 0;
    }
    return index.call(this, node);
  };
  const insert = NodeImpl.prototype._insert;
  NodeImpl.prototype._insert = function (this: unknown, node: unknown, child: unknown, ...rest: unknown[]) {
    if (!rangesSeen && child) skipFor = child;
    try {
      return insert.call(this, node, child, ...rest);
    } finally {
      skipFor = null;
    }
  };
  const remove = NodeImpl.prototype._remove;
  NodeImpl.prototype._remove = function (this: unknown, node: unknown, ...rest: unknown[]) {
    if (!rangesSeen) skipFor = node;
    try {
      return remove.call(this, node, ...rest);
    } finally {
      skipFor = null;
    }
  };
}
