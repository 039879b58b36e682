// "What was removed", grouped by rule: the counts of Article.removed with the blocks of Article.removedBlocks.
import type { Article } from '../extract/types';

export interface RemovedGroupData {
  rule: string;
  why: string;
  count: number;
  /** Each block with its key, to restore it alone. */
  blocks: { key: string; html: string }[];
}

/** Blocks are passed through `sanitize` (the clean view's render sanitizer): removed HTML is page HTML. */
export function removedGroups(
  article: Article,
  reasons: Map<string, string>,
  sanitize: (html: string) => string,
): RemovedGroupData[] {
  const blocks = new Map((article.removedBlocks ?? []).map((b) => [b.rule, b]));
  return article.removed
    .filter((r) => r.count > 0)
    .map((r) => {
      const { html = [], keys = [] } = blocks.get(r.rule) ?? {};
      return {
        rule: r.rule,
        why: reasons.get(r.rule) ?? r.rule,
        count: r.count,
        blocks: html
          .map((h, i) => ({ key: keys[i] ?? '', html: sanitize(h) }))
          .filter((b) => b.key && b.html.trim()),
      };
    });
}
