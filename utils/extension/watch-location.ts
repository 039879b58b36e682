// Notices a single-page site's URL changes for the content script, without WXT's content-script context: that
// context re-dispatched them as events named after the extension id on the page's own window, where the page can
// see them (and learn that Nitido is installed) and forge them.

/** Where the Navigation API is missing: how often the address is compared (a change is noticed within this). */
export const POLL_MS = 1000;

/** The part of the Navigation API used here (in the isolated world, the page's own `navigation` object). */
interface NavigationLike {
  addEventListener(type: 'navigate', listener: (e: Event) => void): void;
  removeEventListener(type: 'navigate', listener: (e: Event) => void): void;
}

type Watched = Pick<
  Window,
  'location' | 'addEventListener' | 'removeEventListener' | 'setInterval' | 'clearInterval'
>;

/**
 * Calls `onChange` when the window's address changes without a new document: pushState, replaceState, back and
 * forward. The Navigation API's `navigate` event where there is one (only the browser's own: a page can dispatch
 * a synthetic one), else a poll of `location.href` and `popstate`. Dispatches nothing. Returns `stop`.
 */
export function watchLocation(win: Watched, onChange: () => void): () => void {
  let last = win.location.href;
  const changedTo = (url: string) => {
    if (url === last) return;
    last = url;
    onChange();
  };
  const navigation = (win as { navigation?: NavigationLike }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    const onNavigate = (e: Event) => {
      const to = (e as Event & { destination?: { url?: string } }).destination?.url;
      if (e.isTrusted && to) changedTo(to);
    };
    navigation.addEventListener('navigate', onNavigate);
    return () => navigation.removeEventListener('navigate', onNavigate);
  }
  const poll = () => changedTo(win.location.href);
  const timer = win.setInterval(poll, POLL_MS);
  win.addEventListener('popstate', poll);
  return () => {
    win.clearInterval(timer);
    win.removeEventListener('popstate', poll);
  };
}
