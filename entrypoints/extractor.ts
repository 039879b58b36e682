import { installExtractor } from '@/utils/extension/run-extraction';

// Unlisted: loaded into a tab's isolated world only when the reader asks — by scripting.executeScript (activeTab)
// or, on pages where our content script runs, by that script's import(). Either way it installs one function
// that the background then calls; nothing runs on load.
export default defineUnlistedScript(() => installExtractor(globalThis));
