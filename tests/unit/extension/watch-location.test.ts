// The content script's URL watcher: the browser's own navigations count, a page's synthetic events do not, and it
// dispatches nothing on the window (WXT's context dispatched events named after our id there).
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POLL_MS, watchLocation } from '@/utils/extension/watch-location';

const START = 'https://news.example/politics/';
const STORY = 'https://news.example/news/2024/03/05/harbour-council-approves-tide-barrier.html';

/** A jsdom window that records every event dispatched on it. */
function pageWindow() {
  const { window } = new JSDOM('<!doctype html><p>page</p>', { url: START });
  const dispatched: string[] = [];
  const dispatch = window.dispatchEvent.bind(window);
  window.dispatchEvent = (e: Event) => {
    dispatched.push(e.type);
    return dispatch(e);
  };
  return { window, dispatched };
}

/** A navigate event as the browser sends it (trusted), or as a page script could make one. */
function navigateEvent(url: string, trusted: boolean): Event {
  const e = new Event('navigate');
  Object.defineProperties(e, {
    isTrusted: { value: trusted },
    destination: { value: { url } },
  });
  return e;
}

describe('with the Navigation API', () => {
  it('reports the browser’s navigations to a new address, not synthetic ones nor the same address', () => {
    const { window, dispatched } = pageWindow();
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation });
    const onChange = vi.fn();
    const stop = watchLocation(window as unknown as Window, onChange);

    navigation.dispatchEvent(navigateEvent(STORY, false)); // a page script's forgery
    expect(onChange).not.toHaveBeenCalled();
    navigation.dispatchEvent(navigateEvent(START, true)); // a replaceState to the same address
    expect(onChange).not.toHaveBeenCalled();
    navigation.dispatchEvent(navigateEvent(STORY, true));
    expect(onChange).toHaveBeenCalledTimes(1);
    navigation.dispatchEvent(navigateEvent(START, true)); // back
    expect(onChange).toHaveBeenCalledTimes(2);

    stop();
    navigation.dispatchEvent(navigateEvent(STORY, true));
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(dispatched).toEqual([]);
  });
});

describe('without it: a poll of the address, and popstate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('notices pushState within one poll, back at once, and nothing after stop', () => {
    const { window, dispatched } = pageWindow();
    // jsdom's timers are its own: the watcher's interval runs on the faked global ones.
    Object.assign(window, { setInterval, clearInterval });
    const onChange = vi.fn();
    const stop = watchLocation(window as unknown as Window, onChange);

    vi.advanceTimersByTime(3 * POLL_MS);
    expect(onChange).not.toHaveBeenCalled();
    window.history.pushState({}, '', STORY);
    vi.advanceTimersByTime(POLL_MS);
    expect(onChange).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3 * POLL_MS);
    expect(onChange).toHaveBeenCalledTimes(1);

    window.history.replaceState({}, '', START);
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    expect(onChange).toHaveBeenCalledTimes(2);

    stop();
    window.history.pushState({}, '', STORY);
    vi.advanceTimersByTime(3 * POLL_MS);
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(dispatched).toEqual(['popstate']); // the test's own, above
  });
});
