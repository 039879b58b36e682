// Where the reader's rules live: their selectors are part of the settings (utils/settings.ts, `userRules`, one
// entry per site), so every page and the background see one list; what the reader restored for good on a site
// ("what was removed" → Restore, remembered) is this module's own versioned item.
import { storage } from 'wxt/utils/storage';
import { getSettings, type UserRule as SettingsRule, updateSettings } from '../settings';
import { onlyRemoves, siteOf, type UserRule, validateRule } from './validate-rule';

/**
 * Per site, what the reader restored there for good: ids of rules (generic, site or the reader's) whose removals
 * all come back, and keys of single blocks ("<rule id>~<fingerprint>", see utils/extract/block-key.ts). Version 1
 * held rule ids only; they read the same, so no migration is needed.
 */
export type RestoredRules = Record<string, string[]>;

export const RESTORED_STORAGE_KEY = 'restoredRules';
export const restoredItem = storage.defineItem<RestoredRules>(`local:${RESTORED_STORAGE_KEY}`, {
  fallback: {},
  version: 1,
});

/** A rule id, or a block key: a rule id and a fingerprint. */
const RESTORED_ID = /^[\w.:/#-]{1,200}(?:~[a-z0-9]{1,16})?$/;
/** Bounds: a reader restores a few blocks per site, never thousands (the oldest go first). */
const MAX_PER_SITE = 200;
const MAX_SITES = 1000;

export function normalizeRestored(value: unknown): RestoredRules {
  const out: RestoredRules = {};
  const r =
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  for (const [site, ids] of Object.entries(r).slice(-MAX_SITES)) {
    const s = siteOf(site);
    if (!s || !Array.isArray(ids)) continue;
    const good = ids.filter((id): id is string => typeof id === 'string' && RESTORED_ID.test(id));
    if (good.length) out[s] = [...new Set(good)].slice(-MAX_PER_SITE);
  }
  return out;
}

export async function getRestored(): Promise<RestoredRules> {
  return normalizeRestored(await restoredItem.getValue());
}

/** Remembers (or forgets) that the reader restored, on a site, what a rule removes or one block (by key). */
export async function setRestored(site: string, id: string, restored: boolean): Promise<RestoredRules> {
  const s = siteOf(site);
  const all = await getRestored();
  if (!s || !RESTORED_ID.test(id)) return all;
  const ids = new Set(all[s] ?? []);
  ids.delete(id);
  if (restored) ids.add(id);
  const next = normalizeRestored({ ...all, [s]: [...ids] });
  await restoredItem.setValue(next);
  return next;
}

export function watchRestored(callback: (restored: RestoredRules) => void): () => void {
  return restoredItem.watch((value) => callback(normalizeRestored(value)));
}

/**
 * The settings' entries as rules in the engine's format, each checked by validateRule (an entry that fails is
 * left in the settings, and out of the rules). Selector lists get `plainId(entry, index)` as id and `plainWhy`;
 * a whole rule keeps its id and reason, its entries (one per site) regrouped into one rule.
 */
export function rulesOfEntries(
  entries: SettingsRule[],
  plainId: (entry: SettingsRule, index: number) => string,
  plainWhy?: string,
): UserRule[] {
  const out: UserRule[] = [];
  const whole = new Map<string, UserRule>();
  entries.forEach((e, i) => {
    const seen = e.id ? whole.get(e.id) : undefined;
    const site = siteOf(e.site);
    if (seen && site) {
      if (!seen.sites.includes(site)) seen.sites.push(site);
      return;
    }
    const res = validateRule({
      id: e.id,
      why: e.why ?? plainWhy,
      sites: [e.site],
      remove: e.remove,
      content: e.content,
      title: e.title,
      byline: e.byline,
      date: e.date,
      text: e.patterns ? { patterns: e.patterns } : undefined,
    });
    if (!res.ok) return;
    const rule = e.id ? res.rule : { ...res.rule, id: plainId(e, i) };
    if (e.id) whole.set(e.id, rule);
    out.push(rule);
  });
  return out;
}

/** The settings' rule entries as rules in the engine's format (the editor's and the rule file's view). */
export function fromSettingsRules(entries: SettingsRule[]): UserRule[] {
  return rulesOfEntries(entries, (e, i) => `user:${e.site}/${i + 1}`);
}

/** A whole rule as settings entries: one per site, each with the rule's id, reason and fields. */
function entriesOf(rule: UserRule): SettingsRule[] {
  const { id, why, content, title, byline, date } = rule;
  const fields = { id, why, content, title, byline, date, patterns: rule.text?.patterns };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return rule.sites.map((site) => ({ site, remove: [...(rule.remove ?? [])], ...defined }));
}

/**
 * Rules back to settings entries. A rule that only removes selectors joins its site's list of selectors (the
 * picker's and the editor's); any other rule (a content selector, text patterns) is kept whole, and replaces the
 * stored rule of the same id.
 */
export function toSettingsRules(rules: UserRule[], current: SettingsRule[] = []): SettingsRule[] {
  let out = current.map((e) => ({ ...e, remove: [...e.remove] }));
  for (const r of rules) {
    if (!onlyRemoves(r)) {
      const at = out.findIndex((e) => e.id === r.id);
      const rest = out.filter((e) => e.id !== r.id);
      out = at < 0 ? [...rest, ...entriesOf(r)] : [...rest.slice(0, at), ...entriesOf(r), ...rest.slice(at)];
      continue;
    }
    for (const site of r.sites) {
      let entry = out.find((e) => e.site === site && !e.id);
      if (!entry) {
        entry = { site, remove: [] };
        out.push(entry);
      }
      for (const sel of r.remove ?? []) if (!entry.remove.includes(sel)) entry.remove.push(sel);
    }
  }
  return out.filter((e) => e.remove.length || e.id);
}

/** The element picker's "Hide on this site": adds one selector to the site's rule (once). */
export async function addRemoveRule(site: string, selector: string): Promise<string | null> {
  const s = siteOf(site);
  const res = s ? validateRule({ sites: [s], remove: [selector] }) : null;
  if (!s || !res?.ok) return null;
  const { userRules } = await getSettings();
  await updateSettings({ userRules: toSettingsRules([res.rule], userRules) });
  return s;
}
