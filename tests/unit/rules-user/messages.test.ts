// The reader-rules messages: each validated by the one message guard, the picker's `picked` accepted only from a
// tab where the background started the picker, with the site taken from the sender.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseMessage, senderAllowed } from '@/utils/messages';
import { getSettings } from '@/utils/settings';

const calls: unknown[] = [];
vi.mock('@/utils/extension/extract-in-tab', () => ({
  callInTab: async (tabId: number, request: unknown) => {
    calls.push([tabId, request]);
    return tabId === 99
      ? { ok: false, reason: 'restricted', error: 'Cannot access' }
      : { ok: true, raw: { ok: true, picking: true } };
  },
}));
const { pickedIn, startPickerIn, rulesRequest, forgetPickerTab, readSelectionFor } = await import(
  '@/utils/rules/background-rules'
);

beforeEach(() => {
  fakeBrowser.reset();
  calls.length = 0;
});

describe('parseMessage for the reader rules', () => {
  it.each([
    [{ type: 'extract', tabId: 3, exclude: ['ad-label', 'user:example.org'] }, true],
    [{ type: 'extract', tabId: 3, exclude: [] }, true],
    [{ type: 'extract', tabId: 3, exclude: ['read-also-line~1zsm8pds03l', 'ad-label'] }, true],
    [{ type: 'extract', tabId: 3, exclude: [`${'x'.repeat(210)}~abcdefghijklmnopqrs`] }, false],
    [{ type: 'extract', tabId: 3, exclude: 'ad-label' }, false],
    [{ type: 'extract', tabId: 3, exclude: [1] }, false],
    [{ type: 'start-picker', tabId: 3 }, true],
    [{ type: 'start-picker', tabId: -1 }, false],
    [{ type: 'extract-selection', tabId: 3 }, true],
    [{ type: 'extract-selection' }, false],
    [{ type: 'picked', selector: 'div.promo' }, true],
    [{ type: 'read-selection' }, true],
    [{ type: 'picked', selector: '  ' }, false],
    [{ type: 'picked', selector: 'x'.repeat(301) }, false],
    [{ type: 'preview', tabId: 3, rules: [{ sites: ['example.org'], remove: ['.x'] }] }, true],
    [{ type: 'preview', tabId: 3, rules: [{ sites: ['example.org'], remove: ['.x'], force: true }] }, false],
    [{ type: 'preview', tabId: 3, rules: [{ sites: ['example.org'], remove: '.x' }] }, false],
    [{ type: 'preview', tabId: 3, rules: 'x' }, false],
  ])('%j → accepted: %s', (raw, ok) => {
    expect(parseMessage(raw) !== null).toBe(ok);
  });

  it('keeps only the known fields of a preview rule', () => {
    const m = parseMessage({
      type: 'preview',
      tabId: 3,
      rules: [{ id: 'user:example.org/1', why: 'w', sites: ['www.example.org'], remove: ['.x'] }],
    });
    expect(m).toEqual({
      type: 'preview',
      tabId: 3,
      rules: [{ id: 'user:example.org/1', why: 'w', sites: ['example.org'], remove: ['.x'] }],
    });
  });

  it('`picked` comes from a tab (content), the others from our pages', () => {
    const picked = parseMessage({ type: 'picked', selector: '.x' })!;
    const origin = 'chrome-extension://abc/';
    expect(
      senderAllowed(picked, { id: 'abc', tab: { id: 4 }, url: 'https://example.org/a' }, 'abc', origin),
    ).toBe(true);
    expect(senderAllowed(picked, { id: 'abc', url: `${origin}reader.html` }, 'abc', origin)).toBe(false);
    const pick = parseMessage({ type: 'start-picker', tabId: 4 })!;
    expect(
      senderAllowed(pick, { id: 'abc', tab: { id: 4 }, url: 'https://example.org/a' }, 'abc', origin),
    ).toBe(false);
    expect(senderAllowed(pick, { id: 'abc', url: `${origin}popup.html` }, 'abc', origin)).toBe(true);
  });
});

describe('the background side', () => {
  it("a picked selector is saved only from a tab where the picker was started, for that tab's site", async () => {
    expect(await pickedIn({ tab: { id: 4 }, url: 'https://www.example.org/a' }, '.promo')).toEqual({
      ok: false,
      error: 'No picker runs in this tab.',
    });
    expect(await startPickerIn(4)).toEqual({ ok: true });
    expect(calls).toEqual([[4, { kind: 'pick' }]]);
    expect(await pickedIn({ tab: { id: 4 }, url: 'https://www.example.org/a' }, 'body')).toMatchObject({
      ok: false,
    });
    expect(await pickedIn({ tab: { id: 4 }, url: 'https://www.example.org/a' }, '.promo')).toEqual({
      ok: true,
      site: 'example.org',
    });
    expect((await getSettings()).userRules).toEqual([{ site: 'example.org', remove: ['.promo'] }]);
    // One pick per start.
    expect(await pickedIn({ tab: { id: 4 }, url: 'https://www.example.org/a' }, '.other')).toMatchObject({
      ok: false,
    });
    expect(await startPickerIn(4)).toEqual({ ok: true });
    forgetPickerTab(4);
    expect(await pickedIn({ tab: { id: 4 }, url: 'https://www.example.org/a' }, '.other')).toMatchObject({
      ok: false,
    });
  });

  it("'Clean view of this part' opens the selection's clean view, only for a picker tab", async () => {
    expect(await readSelectionFor({ tab: { id: 5 } })).toMatchObject({ ok: false });
    await startPickerIn(5);
    expect(await readSelectionFor({ tab: { id: 5, index: 2 } })).toEqual({ ok: true });
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(
      'chrome-extension://test-extension-id/reader.html?tabId=5&selection=1',
    );
    expect(await readSelectionFor({ tab: { id: 5 } })).toMatchObject({ ok: false });
  });

  it('a tab the browser keeps from us gets no picker', async () => {
    expect(await startPickerIn(99)).toEqual({ ok: false, error: 'Cannot access' });
  });

  it("an extraction request carries the reader's rules and the restorations", async () => {
    await fakeBrowser.storage.local.set({
      settings: { userRules: [{ site: 'example.org', remove: ['.promo'] }] },
      restoredRules: { 'example.org': ['ad-label'] },
    });
    expect(await rulesRequest('extract', ['x'])).toEqual({
      kind: 'extract',
      rules: [
        expect.objectContaining({ id: 'user:example.org', sites: ['example.org'], remove: ['.promo'] }),
      ],
      restored: { 'example.org': ['ad-label'] },
      exclude: ['x'],
    });
  });
});
