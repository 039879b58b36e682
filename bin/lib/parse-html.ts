import { JSDOM } from 'jsdom';

/**
 * Parses HTML into a Document the engine can read, without running scripts or fetching anything.
 * jsdom is the DOM of the command line and the tests: a spec-following HTML parser like the browsers'.
 */
export function parseHtml(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}
