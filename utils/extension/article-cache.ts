// The last few extractions, per tab, in the background's memory: opening the clean view from the popup, or the
// popup twice, does not extract the same page again. Dropped when the tab loads, navigates within the page (the
// content script reports again) or closes; lost with the background itself, which costs only a new extraction.
import type { ExtractResult } from '../messages';

/** One extraction of a tab, held while it is still running: a second request waits for it instead of starting one. */
export interface CachedExtraction {
  /** The tab's article as the tab read it, without quotes: in as soon as the tab answers. */
  text: Promise<ExtractResult>;
  /** The same article with its quotes, found on the first call (then the same promise for every caller). */
  full(): Promise<ExtractResult>;
}

export class ArticleCache<T = CachedExtraction> {
  private entries = new Map<number, T>();

  constructor(private readonly capacity = 3) {}

  get(tabId: number): T | undefined {
    const entry = this.entries.get(tabId);
    if (entry) {
      // Most recently used last.
      this.entries.delete(tabId);
      this.entries.set(tabId, entry);
    }
    return entry;
  }

  set(tabId: number, entry: T): void {
    this.entries.delete(tabId);
    this.entries.set(tabId, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as number;
      this.entries.delete(oldest);
    }
  }

  drop(tabId: number): void {
    this.entries.delete(tabId);
  }

  /** Drops the tab's entry only while it is this one: a newer extraction may have taken its place. */
  dropIf(tabId: number, entry: T): void {
    if (this.entries.get(tabId) === entry) this.entries.delete(tabId);
  }

  clear(): void {
    this.entries.clear();
  }
}
