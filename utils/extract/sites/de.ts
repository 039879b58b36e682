import type { CleanRule } from '../rule';

export const DE_SITES: CleanRule[] = [];
