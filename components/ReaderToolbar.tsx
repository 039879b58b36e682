import type { Translate } from '@/utils/extension/i18n';
import type { ReadAloudStatus } from '@/utils/extension/read-aloud';
import { FONTS, type ReaderPrefs, SIZE_RANGE, THEMES, type Theme, WIDTH_RANGE } from '@/utils/settings';

const THEME_LABEL = {
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
  system: 'themeSystem',
} as const satisfies Record<Theme, string>;
export const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;

export interface ReaderToolbarProps {
  t: Translate;
  prefs: ReaderPrefs;
  onPrefs(change: Partial<ReaderPrefs>): void;
  speech: { available: boolean; status: ReadAloudStatus; rate: number } | null;
  onSpeech(action: 'play' | 'pause' | 'stop' | { rate: number }): void;
  /** Null hides Save (a saved article is already in the library). */
  onSave: (() => void) | null;
  busySaving: boolean;
  onPrint(): void;
}

export function ReaderToolbar({
  t,
  prefs,
  onPrefs,
  speech,
  onSpeech,
  onSave,
  busySaving,
  onPrint,
}: ReaderToolbarProps) {
  return (
    <div class="toolbar" role="toolbar" aria-label={t('readerSettings')}>
      <fieldset class="group themes">
        <legend class="sr-only">{t('readerTheme')}</legend>
        {THEMES.map((theme) => (
          <button
            type="button"
            key={theme}
            class={`swatch swatch-${theme}`}
            aria-pressed={prefs.theme === theme}
            onClick={() => onPrefs({ theme })}
          >
            {t(THEME_LABEL[theme])}
          </button>
        ))}
      </fieldset>
      <fieldset class="group">
        <legend class="sr-only">{t('readerFont')}</legend>
        {FONTS.map((font) => (
          <button
            type="button"
            key={font}
            class={`font-${font}`}
            aria-pressed={prefs.font === font}
            onClick={() => onPrefs({ font })}
          >
            {t(font === 'serif' ? 'fontSerif' : 'fontSans')}
          </button>
        ))}
      </fieldset>
      <fieldset class="group">
        <legend class="sr-only">{t('readerSize')}</legend>
        <button
          type="button"
          aria-label={t('readerSmaller')}
          title={t('readerSmaller')}
          disabled={prefs.size <= SIZE_RANGE.min}
          onClick={() => onPrefs({ size: prefs.size - SIZE_RANGE.step })}
        >
          A−
        </button>
        <span class="value" aria-live="polite">
          {prefs.size}px
        </span>
        <button
          type="button"
          aria-label={t('readerLarger')}
          title={t('readerLarger')}
          disabled={prefs.size >= SIZE_RANGE.max}
          onClick={() => onPrefs({ size: prefs.size + SIZE_RANGE.step })}
        >
          A+
        </button>
      </fieldset>
      <fieldset class="group">
        <legend class="sr-only">{t('readerWidth')}</legend>
        <button
          type="button"
          aria-label={t('readerNarrower')}
          title={t('readerNarrower')}
          disabled={prefs.width <= WIDTH_RANGE.min}
          onClick={() => onPrefs({ width: prefs.width - WIDTH_RANGE.step })}
        >
          →←
        </button>
        <button
          type="button"
          aria-label={t('readerWider')}
          title={t('readerWider')}
          disabled={prefs.width >= WIDTH_RANGE.max}
          onClick={() => onPrefs({ width: prefs.width + WIDTH_RANGE.step })}
        >
          ←→
        </button>
      </fieldset>
      {speech ? (
        <fieldset class="group speech">
          <legend class="sr-only">{t('readAloud')}</legend>
          {!speech.available ? (
            <span class="muted">{t('readAloudUnavailable')}</span>
          ) : (
            <>
              {speech.status === 'playing' ? (
                <button type="button" onClick={() => onSpeech('pause')}>
                  {t('readAloudPause')}
                </button>
              ) : (
                <button type="button" onClick={() => onSpeech('play')}>
                  {speech.status === 'paused' ? t('readAloudResume') : t('readAloud')}
                </button>
              )}
              {speech.status !== 'idle' ? (
                <button type="button" onClick={() => onSpeech('stop')}>
                  {t('readAloudStop')}
                </button>
              ) : null}
              <label class="speed">
                <span class="sr-only">{t('readAloudSpeed')}</span>
                <select
                  value={String(speech.rate)}
                  aria-label={t('readAloudSpeed')}
                  onChange={(e) => onSpeech({ rate: Number((e.target as HTMLSelectElement).value) })}
                >
                  {SPEEDS.map((s) => (
                    <option key={s} value={String(s)}>
                      {s}×
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
        </fieldset>
      ) : null}
      <div class="group end">
        {onSave ? (
          <button type="button" class="primary" onClick={onSave} disabled={busySaving}>
            {t('actionSave')}
          </button>
        ) : null}
        <button type="button" onClick={onPrint}>
          {t('actionPrint')}
        </button>
      </div>
    </div>
  );
}
