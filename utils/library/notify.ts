// Open library pages hear about writes made elsewhere (a save in the background, another tab) and refresh.
const CHANNEL = 'nitido-library';

let channel: BroadcastChannel | null = null;
let generation = 0;

function open(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  if (!channel) {
    channel = new BroadcastChannel(CHANNEL);
    channel.addEventListener('message', () => {
      generation++;
    });
  }
  return channel;
}

/**
 * A number that changes whenever this context wrote to the library or heard that another one did: what the
 * in-memory caches of the list (query.ts) check before they trust themselves.
 */
export function libraryGeneration(): number {
  open();
  return generation;
}

/** Tells other pages and workers of this extension that these articles changed (after the commit). */
export function notifyChanged(ids: string[]): void {
  generation++;
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
