// Where the reader's rules live: their selectors are part of the settings (utils/settings.ts, `userRules`, one
// entry per site), so every page and the background see one list; what the reader restored for good on a site
// ("what was removed" → Restore, remembered) is this module's own versioned item.
import { storage } from 'wxt/utils/storage';
import { getSettings, type UserRule as SettingsRule, updateSettings } from '../settings';
import { siteOf, type UserRule, validateRule } from './validate-rule';

/** Per site: ids of rules (generic, site or the reader's) whose removals the reader restored there for good. */
export type RestoredRules = Record<string, string[]>;

export const RESTORED_STORAGE_KEY = 'restoredRules';
export const restoredItem = storage.defineItem<RestoredRules>(`local:${RESTORED_STORAGE_KEY}`, {
  fallback: {},
  version: 1,
});

const RULE_ID = /^[\w.:/#-]{1,200}$/;

export function normalizeRestored(value: unknown): RestoredRules {
  const out: RestoredRules = {};
  const r =
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  for (const [site, ids] of Object.entries(r)) {
    const s = siteOf(site);
    if (!s || !Array.isArray(ids)) continue;
    const good = ids.filter((id): id is string => typeof id === 'string' && RULE_ID.test(id));
    if (good.length) out[s] = [...new Set(good)];
  }
  return out;
}

export async function getRestored(): Promise<RestoredRules> {
  return normalizeRestored(await restoredItem.getValue());
}

/** Remembers (or forgets) that the reader restored what a rule removes on a site. */
export async function setRestored(site: string, ruleId: string, restored: boolean): Promise<RestoredRules> {
  const s = siteOf(site);
  const all = await getRestored();
  if (!s || !RULE_ID.test(ruleId)) return all;
  const ids = new Set(all[s] ?? []);
  if (restored) ids.add(ruleId);
  else ids.delete(ruleId);
  const next = { ...all, [s]: [...ids] };
  if (!ids.size) delete next[s];
  await restoredItem.setValue(next);
  return next;
}

export function watchRestored(callback: (restored: RestoredRules) => void): () => void {
  return restoredItem.watch((value) => callback(normalizeRestored(value)));
}

/** The settings' rule entries as rules in the engine's format (the editor's and the rule file's view). */
export function fromSettingsRules(entries: SettingsRule[]): UserRule[] {
  const out: UserRule[] = [];
  entries.forEach((e, i) => {
    const res = validateRule({ id: `user:${e.site}/${i + 1}`, sites: [e.site], remove: e.remove });
    if (res.ok) out.push(res.rule);
  });
  return out;
}

/** Rules back to settings entries: one per site, selectors merged (only `remove` is kept by the settings). */
export function toSettingsRules(rules: UserRule[], current: SettingsRule[] = []): SettingsRule[] {
  const bySite = new Map<string, string[]>(current.map((e) => [e.site, [...e.remove]]));
  for (const r of rules) {
    for (const site of r.sites) {
      const list = bySite.get(site) ?? [];
      for (const sel of r.remove ?? []) if (!list.includes(sel)) list.push(sel);
      if (list.length) bySite.set(site, list);
    }
  }
  return [...bySite].map(([site, remove]) => ({ site, remove }));
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
