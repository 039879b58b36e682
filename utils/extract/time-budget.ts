/**
 * A time budget for one extraction. In the browser the extractor runs on the tab's main thread, so a page too big
 * to read in time must end with a clear message instead of a frozen tab. The budget is checked between the
 * pipeline's stages and inside its long loops; what cannot be interrupted (Readability's parse, the sanitizer) is
 * bounded by what goes in (the node and depth limits of limits.ts) and only starts while time is left.
 *
 * Why 5 s: the largest pages of the benchmark corpora extract in well under half a second in Chromium, and the
 * 6 MB live blog of the security tests (28,500 updates, a million words) in about 2.5 s on an idle 2-core machine.
 * Five seconds leaves real pages ten times their need on a slow machine, and still ends a page that would freeze
 * the tab long before a reader gives up on it.
 */
export const TIME_BUDGET_MS = 5_000;

/** The extraction ran past its time budget. `message` is one line, fit for a user. */
export class TimeBudgetError extends Error {
  override readonly name = 'TimeBudgetError';
  constructor(readonly budgetMs: number) {
    super(`page took too long to read: over ${Number((budgetMs / 1000).toFixed(1))} s (the time budget)`);
  }
}

export function isTimeBudgetError(e: unknown): e is TimeBudgetError {
  return e instanceof TimeBudgetError || (e instanceof Error && e.name === 'TimeBudgetError');
}

export interface Deadline {
  /** Throws TimeBudgetError once the budget is spent. Cheap: one clock read. */
  check(): void;
}

/** No budget: extraction takes what it takes (benchmarks; the command line stops its worker instead). */
export const NO_DEADLINE: Deadline = { check() {} };

/**
 * A deadline `budgetMs` from now. `now` is the clock (milliseconds); tests pass their own so that they decide when
 * time runs out, instead of racing a real clock.
 */
export function startDeadline(budgetMs: number, now: () => number = () => performance.now()): Deadline {
  const end = now() + budgetMs;
  return {
    check() {
      if (now() > end) throw new TimeBudgetError(budgetMs);
    },
  };
}
