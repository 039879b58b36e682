import { isTooLargeError } from '../../utils/extract/limits';

/** A failure whose message is already one clear line for the user. */
const OWN = new Set(['InputError', 'NotHtmlError', 'TimeBudgetError', 'TooLargeError']);

/** Any error as one line for the user; never a stack trace. */
export function errorMessage(e: unknown): string {
  if (isTooLargeError(e) || (e instanceof Error && OWN.has(e.name))) return (e as Error).message;
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return 'page too deeply nested: extraction ran out of stack';
  }
  const message = e instanceof Error ? e.message : String(e);
  return `extraction failed: ${message.split('\n')[0].slice(0, 300) || 'unknown error'}`;
}
