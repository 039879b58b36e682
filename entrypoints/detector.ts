import { startDetector } from '@/utils/extension/start-detector';

// The content script, declared in wxt.config.ts (http/https pages, document_idle) as an unlisted script rather
// than a WXT content script: WXT's content-script context dispatches events named after the extension id on the
// page's document and window (pages can see them) and stops the script when the page dispatches one back.
export default defineUnlistedScript(() => startDetector());
