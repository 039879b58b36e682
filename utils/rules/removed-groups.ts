// "What was removed", grouped by rule: the counts of Article.removed with the blocks of Article.removedBlocks.
import type { Article } from '../extract/types';

export interface RemovedGroupData {
  rule: string;
  why: string;
  count: number;
  blocks: string[];
}

/** Blocks are passed through `sanitize` (the clean view's render sanitizer): removed HTML is page HTML. */
export function removedGroups(
  article: Article,
  reasons: Map<string, string>,
  sanitize: (html: string) => string,
): RemovedGroupData[] {
  const blocks = new Map((article.removedBlocks ?? []).map((b) => [b.rule, b.html]));
  return article.removed
    .filter((r) => r.count > 0)
    .map((r) => ({
      rule: r.rule,
      why: reasons.get(r.rule) ?? r.rule,
      count: r.count,
      blocks: (blocks.get(r.rule) ?? []).map(sanitize).filter((h) => h.trim()),
    }));
}
