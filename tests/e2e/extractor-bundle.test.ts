// The script injected into a reader's tab (extractor.js) reads only the page: the quote finder (utils/quotes, with
// its word lists) ships in the background, which finds the quotes (utils/extension/extract-in-tab.ts addQuotes),
// so the tab does not load and compile it. And the content script that runs on every page carries only what
// production needs, with the compile hint that makes V8 compile its functions up front. Read from what ships, in $NITIDO_OUT_DIR (default .output).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import languages from '../../utils/quotes/languages.json';
import { extensionDir } from './helpers';

/** Names only the quote finder's word lists use (the keys of utils/quotes/languages.json). */
const QUOTE_FINDER_WORDS = Object.keys(languages.en);

describe.each(['chrome-mv3', 'firefox-mv2'] as const)('%s', (target) => {
  const read = (file: string) => fs.readFileSync(path.join(extensionDir(target), file), 'utf8');

  it('extractor.js carries none of the quote finder', () => {
    const extractor = read('extractor.js');
    expect(QUOTE_FINDER_WORDS.filter((w) => extractor.includes(w))).toEqual([]);
  });

  it('the background carries it (the check above looks for words that do ship)', () => {
    expect(read('background.js')).toContain('speechVerbs');
  });

  it("the content script carries no line of the bench's timing build (WXT_DETECTION_TIMING)", () => {
    const detector = read('detector.js');
    expect(detector).toContain('Nitido: article detected');
    expect(detector).not.toContain('detection took');
  });

  it('the content script, and it alone, asks V8 to compile all its functions with it (wxt.config.ts)', () => {
    const hint = '//# allFunctionsCalledOnLoad\n';
    expect(read('detector.js').startsWith(hint)).toBe(true);
    for (const file of ['background.js', 'extractor.js']) expect(read(file)).not.toContain(hint);
  });
});
