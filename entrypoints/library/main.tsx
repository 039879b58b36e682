import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { translate, uiLanguage } from '@/utils/extension/i18n';
import { applyTheme } from '@/utils/extension/send-message';
import { libraryDb, requestPersistence } from '@/utils/library';
import { getSettings } from '@/utils/settings';
import './style.css';

performance.mark('nitido-library-start');
// The database opens while the page renders its frame; the first query then finds it open.
void libraryDb()
  .open()
  .catch(() => {});
const locale = uiLanguage();
document.documentElement.lang = locale;
document.title = `${translate('libraryTitle')} · Nitido`;
void getSettings().then((s) => applyTheme(document, s.reader.theme));
// Asked once the list is up: the browser's storage bookkeeping behind it competes with the first reads.
setTimeout(() => void requestPersistence(), 2000);

render(<LibraryApp t={translate} locale={locale} />, document.getElementById('app') as HTMLElement);
