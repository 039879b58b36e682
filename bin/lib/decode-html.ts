import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const sniffEncoding: (bytes: Uint8Array, options?: { defaultEncoding?: string }) => string =
  require('html-encoding-sniffer');
const whatwgEncoding: { decode(bytes: Uint8Array, encoding: string): string } = require('whatwg-encoding');

const NONE = 'x-none';

export class NotHtmlError extends Error {
  override readonly name = 'NotHtmlError';
}

/**
 * Looks like binary data rather than text: NUL or other control bytes in the first 4 KB, as browsers' and file(1)'s
 * sniffers judge it. UTF-16 (which has NULs) is recognized by its byte order mark before this is asked.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > n * 0.02;
}

function isUtf16Bom(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  );
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes an HTML page's bytes the way a browser does: a byte order mark, else the <meta charset> (or http-equiv)
 * in the first 1024 bytes, else UTF-8 when the bytes are valid UTF-8, else windows-1252 (the web's default, which
 * also covers ISO-8859-1). Throws NotHtmlError for empty input and binary data.
 */
export function decodeHtml(bytes: Uint8Array): { html: string; encoding: string } {
  if (bytes.length === 0) throw new NotHtmlError('empty file');
  if (!isUtf16Bom(bytes) && looksBinary(bytes)) throw new NotHtmlError('not an HTML page (binary data)');
  let encoding = sniffEncoding(bytes, { defaultEncoding: NONE });
  if (encoding === NONE) encoding = isValidUtf8(bytes) ? 'UTF-8' : 'windows-1252';
  const html = whatwgEncoding.decode(bytes, encoding);
  if (!html.trim()) throw new NotHtmlError('empty file (only white space)');
  return { html, encoding };
}
