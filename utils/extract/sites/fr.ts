import type { CleanRule } from '../rule';

export const FR_SITES: CleanRule[] = [];
