import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/**
 * The content script runs on every page, often as the first script of its site in a fresh renderer process, where
 * each of its functions was compiled lazily on its first call, during detection (about half of detection's time
 * there). V8's per-file compile hint (Chromium 136+; a comment to other browsers) compiles them with the script
 * instead, and the browser's code cache for the script then holds them all: measured by `npm run bench` as the
 * content script's own run (EvaluateScript) plus detection. Only detector.js: the extension's pages and the
 * on-demand extractor call a small part of their code at first.
 */
const DETECTOR_COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const detectorCompileHint = (): Plugin => ({
  name: 'nitido:detector-compile-hint',
  apply: 'build',
  enforce: 'post',
  generateBundle(_options, bundle) {
    const detector = bundle['detector.js'];
    if (detector?.type === 'chunk') detector.code = `${DETECTOR_COMPILE_HINT}\n${detector.code}`;
  },
});

/**
 * Extension pages run only our own bundled scripts. Images may come from the article's site (the clean view shows
 * the article's figures); nothing may be framed, posted or used as a <base>. The sanitizer is the first wall,
 * this is the second.
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: blob: http: https:",
  "media-src 'self' data: blob: http: https:",
  // Saving keeps the article's images for offline reading, so the library may fetch them.
  "connect-src 'self' http: https:",
].join('; ');

/** Web pages: where the detector runs and from where the extractor can be loaded. */
const WEB_PAGES = ['http://*/*', 'https://*/*'];

// Nitido's manifest: every permission is listed and justified in README.md ("Permissions").
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Parallel builds (tests, benchmarks) can write to their own folder.
  outDir: process.env.NITIDO_OUT_DIR ?? '.output',
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    plugins: [detectorCompileHint()],
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'contextMenus'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'open-clean-view': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_cmdOpenCleanView__',
      },
    },
    // Only the on-demand extractor, so that our content script can load it into a page's isolated world
    // when no activeTab grant exists (see utils/extension/extract-in-tab.ts). Chrome: reachable only through a
    // per-session URL, so web pages cannot probe for the extension by its fixed id.
    web_accessible_resources: [{ resources: ['extractor.js'], matches: WEB_PAGES, use_dynamic_url: true }],
    // The detector (entrypoints/detector.ts) is an unlisted script declared here by hand, not a WXT content
    // script, so that no WXT content-script context runs in pages (it dispatches events that pages can see and
    // forge). Once the page is idle: detection never competes with the page's own loading.
    content_scripts: [{ matches: WEB_PAGES, run_at: 'document_idle', js: ['detector.js'] }],
    content_security_policy:
      manifestVersion === 3 ? { extension_pages: EXTENSION_PAGES_CSP } : (EXTENSION_PAGES_CSP as never),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nitido collects nothing and sends nothing anywhere (Firefox's built-in data consent).
            gecko: {
              id: 'nitido@nitido.app',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
