import type { Quote, Speaker } from '../extract/types';

/** Direct quotations with resolved speakers. Placeholder until the quotes issue lands. */
export function extractQuotes(
  _paragraphs: string[],
  _lang: string | null,
): { quotes: Quote[]; speakers: Speaker[] } {
  return { quotes: [], speakers: [] };
}
