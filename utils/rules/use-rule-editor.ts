// The options page's rule editor, wired: stored rules (settings), the live preview (the tab's article extracted
// with and without the draft rule, in that tab), validation with the page's own CSS parser, file export/import.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PreviewState, RuleEditorProps } from '@/components/rules/RuleEditor';
import type { Translate } from '../extension/i18n';
import { sendMessage } from '../extension/send-message';
import { getSettings, type UserRule as SettingsRule, updateSettings, watchSettings } from '../settings';
import { exportRules, parseRuleFile } from './rule-file';
import { fromSettingsRules, toSettingsRules } from './user-rules';
import { domSelectorCheck, siteOf, type UserRule } from './validate-rule';

const PREVIEW_DELAY_MS = 250;
const paragraphsOf = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

export function useRuleEditor(t: Translate, search: string): RuleEditorProps | null {
  const params = new URLSearchParams(search);
  const tab = params.get('tabId');
  const tabId = tab && /^\d+$/.test(tab) ? Number(tab) : null;
  const initialSite = siteOf(params.get('site') ?? '') ?? '';
  const check = useMemo(() => domSelectorCheck(document), []);
  const [entries, setEntries] = useState<SettingsRule[] | null>(null);
  const [preview, setPreview] = useState<PreviewState>(
    tabId === null ? { kind: 'unavailable' } : { kind: 'loading' },
  );
  const [notice, setNotice] = useState<RuleEditorProps['notice']>(null);
  const before = useRef<string[] | null>(null);
  const draft = useRef<UserRule | null>(null);
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    void getSettings().then((s) => setEntries(s.userRules));
    return watchSettings((s) => setEntries(s.userRules));
  }, []);
  const rules = useMemo(() => fromSettingsRules(entries ?? []), [entries]);

  const extractWith = useCallback(
    async (list: UserRule[]): Promise<string[]> => {
      const res = await sendMessage({ type: 'preview', tabId: tabId as number, rules: list });
      if (!res.ok) throw new Error(res.error);
      return paragraphsOf(res.article.text);
    },
    [tabId],
  );

  const refresh = useCallback(async () => {
    if (tabId === null || entries === null) return;
    const mine = ++generation.current;
    try {
      before.current = await extractWith(rules);
      const after = draft.current ? await extractWith([...rules, draft.current]) : before.current;
      if (mine === generation.current) setPreview({ kind: 'ready', before: before.current, after });
    } catch (err) {
      if (mine === generation.current) setPreview({ kind: 'error', error: (err as Error).message });
    }
  }, [tabId, entries, rules, extractWith]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (entries === null) return null;
  const store = async (next: SettingsRule[]) => {
    await updateSettings({ userRules: next });
  };
  return {
    t,
    rules,
    initialSite,
    check,
    preview,
    notice,
    onDraft(rule) {
      draft.current = rule;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void refresh(), PREVIEW_DELAY_MS);
    },
    onSave(rule) {
      draft.current = null;
      setNotice({ kind: 'ok', lines: [t('rulesSavedOk', rule.sites[0])] });
      void store(toSettingsRules([rule], entries));
    },
    onDelete(site, selector) {
      const next = entries
        .map((e) => (e.site === site && !e.id ? { ...e, remove: e.remove.filter((s) => s !== selector) } : e))
        .filter((e) => e.remove.length || e.id);
      void store(next);
    },
    onDeleteRule(id) {
      void store(entries.filter((e) => e.id !== id));
    },
    onExport() {
      const url = URL.createObjectURL(new Blob([exportRules(rules)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'nitido-rules.json';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    async onImport(file) {
      const { rules: incoming, errors } = parseRuleFile(await file.text(), check);
      if (incoming.length) await store(toSettingsRules(incoming, entries));
      setNotice({
        kind: errors.length ? 'error' : 'ok',
        lines: [t('rulesImported', incoming.length), ...errors],
      });
    },
  };
}
