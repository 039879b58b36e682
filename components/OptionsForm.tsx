import type { Translate } from '@/utils/extension/i18n';
import {
  FONTS,
  type ReaderPrefs,
  type Settings,
  SIZE_RANGE,
  THEMES,
  type Theme,
  WIDTH_RANGE,
} from '@/utils/settings';

const THEME_LABEL = {
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
  system: 'themeSystem',
} as const satisfies Record<Theme, string>;

export interface OptionsFormProps {
  t: Translate;
  settings: Settings;
  /** The clean-view keyboard shortcut as the browser reports it, or null when none is set. */
  shortcut: string | null;
  saved: boolean;
  onChange(change: Partial<Omit<Settings, 'reader'>> & { reader?: Partial<ReaderPrefs> }): void;
}

export function OptionsForm({ t, settings, shortcut, saved, onChange }: OptionsFormProps) {
  const r = settings.reader;
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <fieldset>
        <legend>{t('optionsDetectionLegend')}</legend>
        <label class="check">
          <input
            type="checkbox"
            name="detection"
            checked={settings.detection}
            onChange={(e) => onChange({ detection: (e.target as HTMLInputElement).checked })}
          />
          {t('optionsDetection')}
        </label>
        <label class="stack">
          {t('optionsExcluded')}
          <textarea
            name="excludedSites"
            rows={5}
            spellcheck={false}
            defaultValue={settings.excludedSites.join('\n')}
            // Stored when the reader leaves the field, so half-typed hosts are not normalized away mid-typing.
            onBlur={(e) => onChange({ excludedSites: (e.target as HTMLTextAreaElement).value.split(/\s+/) })}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('optionsToolbarLegend')}</legend>
        <label class="check">
          <input
            type="checkbox"
            name="toolbarOpensCleanView"
            checked={settings.toolbarOpensCleanView}
            onChange={(e) => onChange({ toolbarOpensCleanView: (e.target as HTMLInputElement).checked })}
          />
          {t('optionsToolbar')}
        </label>
        <p class="muted">{t('optionsShortcut', shortcut || t('optionsShortcutNone'))}</p>
      </fieldset>
      <fieldset>
        <legend>{t('optionsReaderLegend')}</legend>
        <label class="row">
          <span>{t('readerTheme')}</span>
          <select
            name="theme"
            value={r.theme}
            onChange={(e) => onChange({ reader: { theme: (e.target as HTMLSelectElement).value as Theme } })}
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(THEME_LABEL[theme])}
              </option>
            ))}
          </select>
        </label>
        <label class="row">
          <span>{t('readerFont')}</span>
          <select
            name="font"
            value={r.font}
            onChange={(e) =>
              onChange({ reader: { font: (e.target as HTMLSelectElement).value as ReaderPrefs['font'] } })
            }
          >
            {FONTS.map((font) => (
              <option key={font} value={font}>
                {t(font === 'serif' ? 'fontSerif' : 'fontSans')}
              </option>
            ))}
          </select>
        </label>
        <label class="row">
          <span>{t('readerSize')}</span>
          <input
            type="range"
            name="size"
            min={SIZE_RANGE.min}
            max={SIZE_RANGE.max}
            step={SIZE_RANGE.step}
            value={r.size}
            onInput={(e) => onChange({ reader: { size: Number((e.target as HTMLInputElement).value) } })}
          />
          <output>{r.size}px</output>
        </label>
        <label class="row">
          <span>{t('readerWidth')}</span>
          <input
            type="range"
            name="width"
            min={WIDTH_RANGE.min}
            max={WIDTH_RANGE.max}
            step={WIDTH_RANGE.step}
            value={r.width}
            onInput={(e) => onChange({ reader: { width: Number((e.target as HTMLInputElement).value) } })}
          />
          <output>{r.width}ch</output>
        </label>
      </fieldset>
      <p class="saved" role="status">
        {saved ? t('optionsSaved') : ''}
      </p>
    </main>
  );
}
