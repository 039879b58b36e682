// The aeb-dev metric of ../shared/corpora/README.md, shared by the benchmarks (tests/bench/extract.ts, rules.ts):
// tokens \w+ (Unicode), 4-shingle multisets, per-page precision and recall, their means, F1 of the means.
const WORD = /[\p{L}\p{N}_]+/gu; // Python's \w on str: Unicode letters, digits and the underscore

export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(WORD) ?? [];
  const out = new Map<string, number>();
  const count = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < count; i++) {
    const s = tokens.slice(i, i + n).join(' ');
    if (s) out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

export function scorePage(truth: string, predicted: string): PageScore {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, pc] of p) {
    const tc = t.get(k) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
  }
  for (const [k, tc] of t) fn += Math.max(0, tc - (p.get(k) ?? 0));
  const sum = tp + fp + fn;
  if (sum > 0) {
    tp /= sum;
    fp /= sum;
    fn /= sum;
  }
  return {
    tp,
    fp,
    fn,
    precision: p.size === 0 ? null : fp === 0 ? 1 : tp / (tp + fp),
    recall: t.size === 0 ? null : fn === 0 ? 1 : tp / (tp + fn),
  };
}

export function summarize(scores: PageScore[]) {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(scores.map((s) => s.precision).filter((x): x is number => x !== null));
  const recall = mean(scores.map((s) => s.recall).filter((x): x is number => x !== null));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall };
}

export const f1Of = (s: PageScore) => {
  const p = s.precision ?? 0;
  const r = s.recall ?? 0;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
};
