import type { CleanRule } from '../rule';

export const ES_SITES: CleanRule[] = [];
