import type { CleanRule } from '../rule';

export const EN_SITES: CleanRule[] = [];
