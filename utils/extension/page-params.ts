// The extension pages' URL contracts: popup.html?tabId=N, reader.html?tabId=N, reader.html?id=ID.

export type PageTarget = { kind: 'tab'; tabId: number } | { kind: 'saved'; id: string } | { kind: 'none' };

export function readPageTarget(search: string): PageTarget {
  const params = new URLSearchParams(search);
  const tab = params.get('tabId');
  if (tab !== null && /^\d+$/.test(tab)) return { kind: 'tab', tabId: Number(tab) };
  const id = params.get('id');
  if (id) return { kind: 'saved', id };
  return { kind: 'none' };
}

/** The clean view of a saved article, relative to the extension page that links to it. */
export function savedCopyUrl(id: string): string {
  return `reader.html?id=${encodeURIComponent(id)}`;
}
