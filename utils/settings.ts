// Every stored setting of the extension, in one versioned item. Pages read and write it through settingsItem;
// the content script only reads it, so a reader who turns detection off stops it on the next page load.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

export type Theme = 'light' | 'sepia' | 'dark' | 'system';
export type FontFamily = 'serif' | 'sans';

export interface ReaderPrefs {
  theme: Theme;
  font: FontFamily;
  /** Body text size in CSS pixels. */
  size: number;
  /** Line length in `ch` (characters). */
  width: number;
}

/**
 * The reader's own cleaning rule: on this site (and its subdomains), remove what these CSS selectors match. A rule
 * from a shared file may carry more of the engine's rule format (utils/rules/validate-rule.ts): where the article,
 * title, byline and date are, and text patterns; it keeps its id and reason (a rule on several sites is one entry
 * per site with the same id). Entries from before (site and selectors only) are entries of this shape as they are.
 * Everything here is checked again by validateRule before it runs (selectors, and patterns that could hang a tab).
 */
export interface UserRule {
  site: string;
  remove: string[];
  id?: string;
  why?: string;
  content?: string;
  title?: string;
  byline?: string;
  date?: string;
  /** Regular expressions, each matched against a whole block's normalised text. */
  patterns?: string[];
}

export interface Settings {
  /** Run article detection on every http(s) page (badge). */
  detection: boolean;
  /** Host names where detection never runs; a host also excludes its subdomains. */
  excludedSites: string[];
  /** The toolbar button opens the clean view directly instead of the popup. */
  toolbarOpensCleanView: boolean;
  reader: ReaderPrefs;
  /** The reader's own cleaning rules, one entry per site (edited by the rules UI, utils/rules). */
  userRules: UserRule[];
}

export const THEMES: readonly Theme[] = ['light', 'sepia', 'dark', 'system'];
export const FONTS: readonly FontFamily[] = ['serif', 'sans'];
export const SIZE_RANGE = { min: 14, max: 28, step: 1 } as const;
export const WIDTH_RANGE = { min: 45, max: 90, step: 5 } as const;

export const DEFAULT_SETTINGS: Settings = {
  detection: true,
  excludedSites: [],
  toolbarOpensCleanView: false,
  reader: { theme: 'system', font: 'serif', size: 19, width: 66 },
  userRules: [],
};

const MAX_SELECTOR = 500;
const MAX_RULES = 200;
const MAX_PATTERNS = 20;
const MAX_WHY = 300;
const PART_KEYS = ['content', 'title', 'byline', 'date'] as const;

const clamp = (n: unknown, range: { min: number; max: number }, fallback: number) =>
  typeof n === 'number' && Number.isFinite(n)
    ? Math.min(range.max, Math.max(range.min, Math.round(n)))
    : fallback;

/** Lower-cased host from what a reader types: "https://www.Example.org/x" → "www.example.org". */
export function normalizeHost(input: string): string | null {
  const raw = input.trim().toLowerCase();
  if (!raw) return null;
  try {
    const host = new URL(raw.includes('://') ? raw : `http://${raw}`).hostname;
    return host.replace(/^\.+|\.+$/g, '') || null;
  } catch {
    return null;
  }
}

const isShortStr = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;

/** One stored rule entry, field by field (types and lengths); null when it is malformed or does nothing. */
function normalizeUserRule(value: unknown): UserRule | null {
  if (!value || typeof value !== 'object') return null;
  const u = value as Record<string, unknown>;
  const site = typeof u.site === 'string' ? normalizeHost(u.site) : null;
  const remove = Array.isArray(u.remove) ? u.remove : [];
  if (!site || !remove.every((x) => isShortStr(x, MAX_SELECTOR))) return null;
  const out: UserRule = { site, remove: (remove as string[]).filter(Boolean) };
  if (isShortStr(u.id, MAX_SELECTOR) && u.id) out.id = u.id;
  if (isShortStr(u.why, MAX_WHY) && u.why) out.why = u.why;
  for (const key of PART_KEYS) if (isShortStr(u[key], MAX_SELECTOR) && u[key]) out[key] = u[key];
  const patterns = Array.isArray(u.patterns) ? u.patterns.slice(0, MAX_PATTERNS) : [];
  if (patterns.every((x) => isShortStr(x, MAX_SELECTOR)) && patterns.some(Boolean))
    out.patterns = (patterns as string[]).filter(Boolean);
  const acts = out.remove.length || out.patterns || PART_KEYS.some((k) => out[k]);
  return acts ? out : null;
}

/**
 * Anything read from storage (older versions, hand-edited, synced from elsewhere) becomes a valid Settings:
 * unknown fields are dropped, wrong types fall back to the defaults.
 */
export function normalizeSettings(value: unknown): Settings {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const r = (v.reader && typeof v.reader === 'object' ? v.reader : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  const sites = Array.isArray(v.excludedSites) ? v.excludedSites : [];
  return {
    detection: typeof v.detection === 'boolean' ? v.detection : d.detection,
    excludedSites: [
      ...new Set(
        sites.map((s) => (typeof s === 'string' ? normalizeHost(s) : null)).filter((s): s is string => !!s),
      ),
    ],
    toolbarOpensCleanView:
      typeof v.toolbarOpensCleanView === 'boolean' ? v.toolbarOpensCleanView : d.toolbarOpensCleanView,
    userRules: (Array.isArray(v.userRules) ? v.userRules : [])
      .map(normalizeUserRule)
      .filter((u): u is UserRule => u !== null)
      .slice(0, MAX_RULES),
    reader: {
      theme: THEMES.includes(r.theme as Theme) ? (r.theme as Theme) : d.reader.theme,
      font: FONTS.includes(r.font as FontFamily) ? (r.font as FontFamily) : d.reader.font,
      size: clamp(r.size, SIZE_RANGE, d.reader.size),
      width: clamp(r.width, WIDTH_RANGE, d.reader.width),
    },
  };
}

/** True when detection may run on url under these settings. */
export function detectionAllowed(settings: Settings, url: string): boolean {
  if (!settings.detection) return false;
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    host = u.hostname.toLowerCase();
  } catch {
    return false;
  }
  return !settings.excludedSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** The key under which WXT stores the item in storage.local (its "local:" prefix names the area). */
export const SETTINGS_STORAGE_KEY = 'settings';

// Marked pure so that the content script, which only reads, does not carry WXT's storage layer.
export const settingsItem = /* @__PURE__ */ storage.defineItem<Settings>(`local:${SETTINGS_STORAGE_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/**
 * A read without WXT's storage layer, for the content script that runs on every page (its size is budgeted).
 * Same key, same normalization: version 1 stores the Settings object itself.
 */
export async function readSettingsLight(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_STORAGE_KEY);
  return normalizeSettings(stored[SETTINGS_STORAGE_KEY]);
}

export async function getSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

/** Merges a partial change (reader prefs merged field by field) and stores the normalized result. */
export async function updateSettings(
  change: Partial<Omit<Settings, 'reader'>> & { reader?: Partial<ReaderPrefs> },
): Promise<Settings> {
  const current = await getSettings();
  const next = normalizeSettings({ ...current, ...change, reader: { ...current.reader, ...change.reader } });
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(normalizeSettings(value)));
}
