import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  detectionAllowed,
  getSettings,
  normalizeHost,
  normalizeSettings,
  readSettingsLight,
  SETTINGS_STORAGE_KEY,
  updateSettings,
  watchSettings,
} from '@/utils/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings in storage', () => {
  it('starts from the defaults', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await readSettingsLight()).toEqual(DEFAULT_SETTINGS);
  });

  it('merges a change, keeps the other reader prefs, and is read back by the content script path', async () => {
    await updateSettings({ detection: false, reader: { theme: 'dark' } });
    const expected = {
      ...DEFAULT_SETTINGS,
      detection: false,
      reader: { ...DEFAULT_SETTINGS.reader, theme: 'dark' },
    };
    expect(await getSettings()).toEqual(expected);
    // The content script reads storage.local directly: the key and the shape must be what WXT wrote.
    expect(await readSettingsLight()).toEqual(expected);
    expect((await fakeBrowser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]).toEqual(
      expected,
    );
  });

  it('normalizes what it stores', async () => {
    const s = await updateSettings({
      excludedSites: ['https://www.Example.org/path', 'example.org', '', 'news.example'],
      reader: { size: 400, width: 10 },
    });
    expect(s.excludedSites).toEqual(['www.example.org', 'example.org', 'news.example']);
    expect(s.reader.size).toBe(28);
    expect(s.reader.width).toBe(45);
  });

  it('tells watchers about changes', async () => {
    const seen: boolean[] = [];
    const stop = watchSettings((s) => seen.push(s.detection));
    await updateSettings({ detection: false });
    await new Promise((r) => setTimeout(r, 10));
    stop();
    expect(seen).toEqual([false]);
  });
});

describe('normalizeSettings', () => {
  it.each([
    ['nothing', undefined],
    ['a string', 'on'],
    ['wrong types', { detection: 'yes', excludedSites: 'a.example', reader: { theme: 'neon', font: 3 } }],
  ])('falls back to the defaults for %s', (_, value) => {
    expect(normalizeSettings(value)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('normalizeHost', () => {
  it.each([
    ['example.org', 'example.org'],
    ['  News.Example.ORG ', 'news.example.org'],
    ['https://www.example.org/a/b?c', 'www.example.org'],
    ['', null],
    ['http://', null],
  ])('%j → %j', (input, expected) => expect(normalizeHost(input)).toBe(expected));
});

describe('detectionAllowed', () => {
  const on = { ...DEFAULT_SETTINGS, excludedSites: ['example.org'] };
  it.each([
    ['https://news.example/a', on, true],
    ['https://example.org/a', on, false],
    ['https://www.example.org/a', on, false],
    ['https://notexample.org/a', on, true],
    ['file:///home/a.html', on, false],
    ['https://news.example/a', { ...on, detection: false }, false],
    ['not a url', on, false],
  ])('%s', (url, settings, expected) => expect(detectionAllowed(settings, url)).toBe(expected));
});

describe('userRules', () => {
  it('keeps well-formed entries, normalizes sites, drops the rest', () => {
    const s = normalizeSettings({
      userRules: [
        { site: 'https://WWW.Example.org/x', remove: ['.promo', ''] },
        { site: 'news.example', remove: [] },
        { site: 3, remove: ['.a'] },
        { site: 'a.example', remove: [4] },
        'nonsense',
      ],
    });
    expect(s.userRules).toEqual([{ site: 'www.example.org', remove: ['.promo'] }]);
  });
});
