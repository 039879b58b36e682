import { defineConfig } from 'vitest/config';

// Real browsers with the built extension loaded: one browser per file, files one after another.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
