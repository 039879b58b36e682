import type { CleanRule } from '../rule';

export const IT_SITES: CleanRule[] = [];
