import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { checkByteSize, LIMITS, TooLargeError } from '../../utils/extract/limits';

/** A file could not be read as a page; `message` is one line for the user. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

const isGzip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

function systemMessage(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return `cannot read it (${e.code ?? e.message.split('\n')[0]})`;
  }
}

/** Reads all of standard input, refusing more than `limit` bytes without holding them. */
export async function readStdin(limit = LIMITS.maxBytes): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TooLargeError('bytes', size, limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A file's bytes; over the size limit it is refused before being read. */
export function readFileBytes(file: string, limit = LIMITS.maxBytes): Buffer {
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new InputError('is a directory, not a file');
    if (st.size > limit) throw new TooLargeError('bytes', st.size, limit);
    return readFileSync(file);
  } catch (e) {
    if (e instanceof InputError || e instanceof TooLargeError) throw e;
    throw new InputError(systemMessage(e as NodeJS.ErrnoException));
  }
}

/**
 * The page's HTML bytes: gunzipped when the name ends in .gz or the bytes are gzip, never more than the limit
 * (a gzip bomb stops at the limit, not at the end of memory).
 */
export function unpackBytes(name: string, bytes: Buffer, limit = LIMITS.maxBytes): Buffer {
  const gz = isGzip(bytes);
  if (name.endsWith('.gz') && !gz) {
    throw new InputError(bytes.length === 0 ? 'empty file' : 'not gzip data, though the name ends in .gz');
  }
  if (!gz) {
    checkByteSize(bytes.length, { ...LIMITS, maxBytes: limit });
    return bytes;
  }
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new TooLargeError('bytes', Number.POSITIVE_INFINITY, limit);
    }
    throw new InputError(`broken gzip data (${err.message.split('\n')[0]})`);
  }
}
