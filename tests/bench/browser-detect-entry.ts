// What tests/bench/browser.ts bundles for the page: the engine's detector alone (the budgeted part) and the
// content script's whole per-page work (detector + the badge's reading estimate).

export { detectPage } from '../../utils/extension/detect-page';
export { detectArticle } from '../../utils/extract/detect-article';
