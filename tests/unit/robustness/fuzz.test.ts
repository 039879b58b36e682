// Fuzz, first half: generated malformed pages never make the engine throw an unexpected error, and it always
// ends (the test's own time limit is the hang guard). See fuzz.ts.
import { describe, it } from 'vitest';
import { CASES, KNOWN_ENGINE_BUGS, runFuzz, SEED } from './fuzz';

describe('fuzz: generated malformed pages', () => {
  for (const bug of KNOWN_ENGINE_BUGS) it.todo(`engine bug to fix: ${bug.why}`);
  it(`${CASES} cases (seed ${SEED}) end in an Article or a documented refusal`, () => {
    const known = runFuzz(SEED, CASES);
    for (const [why, count] of known) console.warn(`fuzz: ${count} cases hit a known engine bug: ${why}`);
  }, 600_000);
});
