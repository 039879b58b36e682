// The last few extractions, per tab, in the background's memory: opening the clean view from the popup, or the
// popup twice, does not extract the same page again. Dropped when the tab loads, navigates within the page (the
// content script reports again) or closes; lost with the background itself, which costs only a new extraction.
import type { Article } from '../extract/types';

export class ArticleCache {
  private entries = new Map<number, Article>();

  constructor(private readonly capacity = 3) {}

  get(tabId: number): Article | undefined {
    const article = this.entries.get(tabId);
    if (article) {
      // Most recently used last.
      this.entries.delete(tabId);
      this.entries.set(tabId, article);
    }
    return article;
  }

  set(tabId: number, article: Article): void {
    this.entries.delete(tabId);
    this.entries.set(tabId, article);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as number;
      this.entries.delete(oldest);
    }
  }

  drop(tabId: number): void {
    this.entries.delete(tabId);
  }

  clear(): void {
    this.entries.clear();
  }
}
