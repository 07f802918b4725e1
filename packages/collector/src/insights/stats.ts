// The statistics behind the drivers view, pure: intervals for a proportion and for a
// difference of two, a two-sided test of that difference, and the Benjamini–Hochberg
// correction for testing many steps at once. No library: each is a few lines of
// arithmetic, and the tests hold them to published worked examples.

/** The normal quantile of a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

/** An interval [low, high]. */
export type Interval = [number, number];

/**
 * Wilson's score interval for x successes in n trials (Wilson 1927; Newcombe 1998,
 * "Two-sided confidence intervals for the single proportion", method 3). Unlike the
 * textbook p ± z·se it stays inside [0, 1] and is honest about small n: 0 of 3 is
 * [0, 0.56], not [0, 0].
 */
export function wilson(x: number, n: number, z = Z95): Interval {
  if (n <= 0) return [0, 1];
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Newcombe's hybrid score interval for p1 − p2 of two independent proportions
 * (Newcombe 1998, "Interval estimation for the difference between independent
 * proportions", method 10): built from each proportion's Wilson interval, so it inherits
 * their good coverage at small n and near 0 or 1.
 */
export function newcombe(x1: number, n1: number, x2: number, n2: number, z = Z95): Interval {
  if (n1 <= 0 || n2 <= 0) return [-1, 1];
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilson(x1, n1, z);
  const [l2, u2] = wilson(x2, n2, z);
  const below = Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const above = Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  return [p1 - p2 - below, p1 - p2 + above];
}

/**
 * The standard normal distribution function Φ(x), from the complementary error function
 * (Numerical Recipes' erfc, fractional error below 1.2e-7: ample for p-values).
 */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.5 * (Math.abs(x) / Math.SQRT2));
  const y =
    t *
    Math.exp(
      -((x / Math.SQRT2) ** 2) -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  const erfc = y;
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * Two-sided p-value of the pooled z test that two proportions are equal (the same as
 * R's `prop.test(correct = FALSE)` and a 2×2 chi-squared test without continuity
 * correction). 1 when there is nothing to compare.
 */
export function twoProportionP(x1: number, n1: number, x2: number, n2: number): number {
  if (n1 <= 0 || n2 <= 0) return 1;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return 1;
  const z = Math.abs(x1 / n1 - x2 / n2) / se;
  return Math.min(1, 2 * (1 - normalCdf(z)));
}

/**
 * Benjamini–Hochberg (1995): which of m hypotheses to reject so that the expected share of
 * false discoveries among the rejected is at most q. Returns, in the input's order, the
 * adjusted p-values (R's `p.adjust(p, "BH")`) and whether each is rejected.
 */
export function benjaminiHochberg(
  pValues: readonly number[],
  q = 0.05,
): { adjusted: number[]; rejected: boolean[] } {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const [p, index] = order[rank - 1] as readonly [number, number];
    running = Math.min(running, (p * m) / rank);
    adjusted[index] = running;
  }
  return { adjusted, rejected: adjusted.map((p) => p <= q) };
}

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++)
    logFactorials[i] = (logFactorials[i - 1] as number) + Math.log(i);
  return logFactorials[n] as number;
}

/**
 * Two-sided p-value of Fisher's exact test on the 2×2 table [[a, b], [c, d]]: the sum
 * of the probabilities (hypergeometric, margins fixed) of every table no more likely
 * than the one observed, as R's `fisher.test` and `scipy.stats.fisher_exact` compute it.
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  const logP = (x: number) =>
    logFactorial(row1) +
    logFactorial(n - row1) +
    logFactorial(col1) +
    logFactorial(n - col1) -
    logFactorial(n) -
    logFactorial(x) -
    logFactorial(row1 - x) -
    logFactorial(col1 - x) -
    logFactorial(n - row1 - col1 + x);
  const observed = logP(a);
  let p = 0;
  for (let x = Math.max(0, row1 + col1 - n); x <= Math.min(row1, col1); x++) {
    // The relative tolerance R uses, so tables as likely as the observed one count.
    if (logP(x) <= observed + 1e-7) p += Math.exp(logP(x));
  }
  return Math.min(1, p);
}

/**
 * The p-value of x1/n1 against x2/n2: the z test when every expected cell count is at
 * least 5 (Cochran's rule, where the normal approximation holds), Fisher's exact test
 * otherwise, so a handful of answers cannot look significant by approximation error.
 */
export function differenceP(x1: number, n1: number, x2: number, n2: number): number {
  const n = n1 + n2;
  const successes = x1 + x2;
  const expected = [n1, n2].flatMap((m) => [(m * successes) / n, (m * (n - successes)) / n]);
  return expected.every((e) => e >= 5)
    ? twoProportionP(x1, n1, x2, n2)
    : fisherExact(x1, n1 - x1, x2, n2 - x2);
}
