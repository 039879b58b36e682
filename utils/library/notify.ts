// Open library pages hear about writes made elsewhere (a save in the background, another tab) and refresh.
const CHANNEL = 'nitido-library';

let channel: BroadcastChannel | null = null;
function open(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  channel ??= new BroadcastChannel(CHANNEL);
  return channel;
}

/** Tells other pages and workers of this extension that these articles changed (after the commit). */
export function notifyChanged(ids: string[]): void {
  open()?.postMessage({ type: 'library-changed', ids });
}

/** Calls listener when another context changed the library; returns the unsubscribe function. */
export function onLibraryChanged(listener: (ids: string[]) => void): () => void {
  const ch = open();
  if (!ch) return () => {};
  const handler = (event: MessageEvent) => {
    if (event.data?.type === 'library-changed' && Array.isArray(event.data.ids)) listener(event.data.ids);
  };
  ch.addEventListener('message', handler);
  return () => ch.removeEventListener('message', handler);
}
