import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsForm } from '@/components/OptionsForm';
import { RuleEditor } from '@/components/rules/RuleEditor';
import { COMMAND_OPEN_CLEAN_VIEW } from '@/utils/extension/commands';
import { translate as t, uiLanguage } from '@/utils/extension/i18n';
import { applyTheme } from '@/utils/extension/send-message';
import { useRuleEditor } from '@/utils/rules/use-rule-editor';
import { getSettings, type Settings, updateSettings } from '@/utils/settings';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // The reader's own rules (utils/rules): editor, live preview of options.html?tabId=N, rule files.
  const rules = useRuleEditor(t, location.search);
  useEffect(() => {
    void getSettings().then(setSettings);
    void browser.commands
      .getAll()
      .then((all) => setShortcut(all.find((c) => c.name === COMMAND_OPEN_CLEAN_VIEW)?.shortcut || null));
  }, []);
  useEffect(() => {
    if (settings) applyTheme(document, settings.reader.theme);
  }, [settings]);
  if (!settings) return null;
  return (
    <>
      <OptionsForm
        t={t}
        settings={settings}
        shortcut={shortcut}
        saved={saved}
        onChange={async (change) => {
          setSettings(await updateSettings(change));
          setSaved(true);
        }}
      />
      {rules ? <RuleEditor {...rules} /> : null}
    </>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
