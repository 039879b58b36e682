import type { Notice } from '@/components/Popup';
import type { Article } from '../extract/types';
import { translate as t } from './i18n';
import { savedCopyUrl } from './page-params';
import { sendMessage } from './send-message';

/** Saves through the background and says how it went: the popup and the clean view show the same words. */
export async function saveWithNotice(article: Article): Promise<Notice> {
  const res = await sendMessage({ type: 'save', article, tags: [] }).catch((err: Error) => ({
    ok: false as const,
    error: err.message,
  }));
  if (!res.ok) return { kind: 'error', text: t('savedError', res.error) };
  return {
    kind: 'ok',
    text: res.skippedImages
      ? `${t('savedOk')} ${t('libraryImagesSkipped', String(res.skippedImages))}`
      : t('savedOk'),
    link: { href: savedCopyUrl(res.id), text: t('readSavedCopy') },
  };
}
