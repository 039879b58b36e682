import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { translate, uiLanguage } from '@/utils/extension/i18n';
import { applyTheme } from '@/utils/extension/send-message';
import { requestPersistence } from '@/utils/library';
import { getSettings } from '@/utils/settings';
import './style.css';

performance.mark('nitido-library-start');
const locale = uiLanguage();
document.documentElement.lang = locale;
document.title = `${translate('libraryTitle')} · Nitido`;
void getSettings().then((s) => applyTheme(document, s.reader.theme));
// Ask once the page is up: the answer (or a Firefox prompt) must not hold up the list.
setTimeout(() => void requestPersistence(), 0);

render(<LibraryApp t={translate} locale={locale} />, document.getElementById('app') as HTMLElement);
