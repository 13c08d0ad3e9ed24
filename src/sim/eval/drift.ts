/**
 * Input-drift statistics and how their values read (stable, moderate, major).
 *
 * Owns: the exact PSI (reference-quantile bins), the exact two-sample
 * Kolmogorov-Smirnov statistic, the Jensen-Shannon distance, the binning
 * helpers they share with monitor.ts, the named thresholds, the per-feature
 * classification and the dataset-level verdict.
 * Must not touch: models, the world, the engine's results; inputs are plain
 * (typed) arrays and are never modified. Values must be finite.
 *
 * Contract (checked against numpy 2.4 / scipy 1.17 in tests/fixtures/drift):
 * - psi: bin edges at the reference's quantiles k/bins (numpy's default
 *   'linear' method, in double precision), duplicates merged, bins
 *   (-inf, e1], (e1, e2], ..., (e_last, +inf); an empty bin's share (either
 *   side) becomes EMPTY_SHARE without renormalising; sum of (c - r) ln(c / r).
 * - ksStatistic: sup |F_a - F_b| over all points, ties handled: exactly
 *   scipy.stats.ks_2samp(a, b).statistic, including its snapping of D to the
 *   nearest k / lcm(n1, n2) when both samples have at most 10,000 values.
 * - jensenShannon: scipy.spatial.distance.jensenshannon(p, q) (natural log),
 *   except that a rounding-negative divergence reads 0 instead of NaN.
 * Empty inputs give NaN.
 */
import type { DriftStatus } from '../contract';

/** The per-feature statistics the monitor reports. */
export interface DriftStats {
  psi: number;
  ks: number;
  js: number;
}

/** Default number of PSI bins (reference deciles). */
export const PSI_BINS = 10;
/** Share given to an empty bin on either side, so ln(c / r) stays finite. */
export const EMPTY_SHARE = 0.0001;

/**
 * PSI: the usual reading. Below 0.1 stable, 0.1 to 0.25 moderate, above 0.25
 * major. For a normal feature, 0.1 is a mean shift of about 0.33 standard
 * deviations and 0.25 about 0.52. With n = 500 rows a day against ~31,000
 * reference rows, same-distribution PSI is about (1/n + 1/m) * chi2(9): mean
 * 0.018, 99.99th percentile 0.057 (simulated), P(PSI >= 0.1) about 2e-7.
 */
export const PSI_MODERATE = 0.1;
export const PSI_MAJOR = 0.25;

/**
 * KS: moderate from 0.15, major above 0.25 (a normal shift of about 0.38 and
 * 0.64 standard deviations; PSI has already crossed its own thresholds there,
 * so KS mainly catches changes the ten PSI bins blur). Sampling noise at
 * n = 500, m = 31,000: the 5% critical value 1.36 * sqrt((n + m) / (n m)) is
 * 0.061 and the 1e-6 one 0.121; 0.15 is 3.3 times sqrt((n + m) / (n m)) =
 * 0.045, a same-distribution tail of 2 exp(-2 * 3.33^2) = 5e-10 per test, so a
 * year of daily checks (365 days x 10 features x 2 models, plus the rolling
 * window) expects no false alarm. Smaller days raise the bar: see noiseFloors.
 */
export const KS_MODERATE = 0.15;
export const KS_MAJOR = 0.25;

/**
 * JS distance over the PSI bins: moderate from 0.12, major above 0.18. For
 * small shifts JS^2 is about PSI / 8, so these sit just above PSI's 0.1 and
 * 0.25 (sqrt(0.1 / 8) = 0.112, sqrt(0.25 / 8) = 0.177). Same-distribution
 * values at n = 500: 99.99th percentile 0.084 (simulated); P(JS >= 0.12) is
 * about 2e-8. JS is bounded by sqrt(ln 2) = 0.833 and needs no empty-bin patch.
 */
export const JS_MODERATE = 0.12;
export const JS_MAJOR = 0.18;

/** Per-test false-alarm rate the sample-size noise floors are set at. */
export const NOISE_ALPHA = 1e-6;
/** Standard normal quantile at 1 - NOISE_ALPHA. */
const NOISE_Z = 4.753424308822899;

/** Dataset verdict: share of drifted (non-stable) features for each level. */
export const DATASET_MODERATE_SHARE = 0.2;
export const DATASET_MAJOR_SHARE = 0.5;

/** A sorted Float64Array copy (the input is left alone). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** numpy.quantile(sorted, q) with the default 'linear' method, bit for bit. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const v = (n - 1) * q;
  if (v >= n - 1) return sorted[n - 1];
  if (v <= 0) return sorted[0];
  const lo = Math.floor(v);
  const t = v - lo;
  const a = sorted[lo];
  const b = sorted[lo + 1];
  const d = b - a;
  // numpy's _lerp: interpolate from the nearer end.
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/** The distinct reference quantiles k/bins (k = 1..bins-1), ascending. */
export function quantileEdges(sorted: ArrayLike<number>, bins: number): Float64Array {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be >= 1, got ${bins}`);
  const raw = new Float64Array(bins - 1);
  for (let k = 1; k < bins; k++) raw[k - 1] = quantileSorted(sorted, k / bins);
  raw.sort();
  let m = 0;
  for (let i = 0; i < raw.length; i++) if (m === 0 || raw[i] !== raw[m - 1]) raw[m++] = raw[i];
  return raw.slice(0, m);
}

/** Index of the bin holding x: the number of edges strictly below x. */
export function binIndex(edges: Float64Array, x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts of values per bin (edges.length + 1 bins). */
export function countBins(edges: Float64Array, values: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  for (let i = 0; i < values.length; i++) counts[binIndex(edges, values[i])]++;
  return counts;
}

/** PSI from bin counts over the same bins, with the empty-bin share patch. */
export function psiFromCounts(
  refCounts: ArrayLike<number>,
  refTotal: number,
  curCounts: ArrayLike<number>,
  curTotal: number,
): number {
  if (refTotal === 0 || curTotal === 0) return NaN;
  let total = 0;
  for (let i = 0; i < refCounts.length; i++) {
    const r = refCounts[i] / refTotal || EMPTY_SHARE;
    const c = curCounts[i] / curTotal || EMPTY_SHARE;
    total += (c - r) * Math.log(c / r);
  }
  return total;
}

/** Population Stability Index of `current` against `reference` (see the header). */
export function psi(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  bins = PSI_BINS,
): number {
  if (reference.length === 0 || current.length === 0) return NaN;
  const edges = quantileEdges(sortedCopy(reference), bins);
  const refCounts = countBins(edges, reference);
  const curCounts = countBins(edges, current);
  return psiFromCounts(refCounts, reference.length, curCounts, current.length);
}

/** Up to this sample size scipy's ks_2samp takes its exact path, which snaps D to k / lcm(n1, n2). */
const KS_SNAP_MAX_N = 10_000;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** sup |F_a(x) - F_b(x)|, exactly as scipy.stats.ks_2samp(a, b).statistic (a merge walk). */
export function ksStatistic(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const a = sortedCopy(x);
  const b = sortedCopy(y);
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return NaN;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n1 && j < n2) {
    const v = a[i] <= b[j] ? a[i] : b[j];
    while (i < n1 && a[i] <= v) i++; // ties move together
    while (j < n2 && b[j] <= v) j++;
    const diff = Math.abs(i / n1 - j / n2);
    if (diff > d) d = diff;
  }
  // Once one sample is exhausted its CDF is 1 and the gap can only shrink.
  if (Math.max(n1, n2) > KS_SNAP_MAX_N) return d;
  // scipy's exact path reports round(D * lcm) / lcm: the true fraction, correctly rounded.
  const lcm = (n1 / gcd(n1, n2)) * n2;
  return Math.round(d * lcm) / lcm;
}

/** Jensen-Shannon distance between two histograms (each normalised to sum 1), natural log. */
export function jensenShannon(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length) throw new RangeError('histograms differ in length');
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] < 0 || q[i] < 0) throw new RangeError('histogram weights must be >= 0');
    sp += p[i];
    sq += q[i];
  }
  if (!(sp > 0 && sq > 0)) return NaN;
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] / sp;
    const qi = q[i] / sq;
    const m = (pi + qi) / 2;
    if (pi > 0) left += pi * Math.log(pi / m);
    if (qi > 0) right += qi * Math.log(qi / m);
  }
  const js = (left + right) / 2;
  return js > 0 ? Math.sqrt(js) : 0;
}

/** Rows behind a comparison, for the sample-size noise floors. */
export interface SampleSizes {
  reference: number;
  current: number;
  bins?: number; // of the PSI/JS histograms (default PSI_BINS)
}

/** Wilson-Hilferty upper quantile of chi-square with k degrees of freedom at NOISE_ALPHA. */
function chiSquareUpper(k: number): number {
  const c = 2 / (9 * k);
  return k * (1 - c + NOISE_Z * Math.sqrt(c)) ** 3;
}

/**
 * Values each statistic reaches by sampling noise alone with chance about
 * NOISE_ALPHA, for these sample sizes (approximations, slightly conservative):
 * - KS: sqrt(-ln(alpha / 2) / 2) * sqrt(1/n + 1/m) (the asymptotic Kolmogorov tail);
 * - PSI: chi2(bins - 1) quantile * (1/n + 1/m), plus the one-empty-bin patch
 *   (1/bins) ln((1/bins) / EMPTY_SHARE) when some current bin is likely to be
 *   empty by chance (bins * (1 - 1/bins)^n > alpha);
 * - JS: sqrt(chi2 quantile * (1/n + 1/m) / 8).
 * At n = 500, m = 31,000, bins = 10: PSI 0.093, KS 0.121, JS 0.108, all under
 * the thresholds. At n = 50 they are 1.61, 0.381 and 0.339.
 */
export function noiseFloors(sizes: SampleSizes): DriftStats {
  const bins = sizes.bins ?? PSI_BINS;
  const scale = 1 / sizes.current + 1 / sizes.reference;
  const chi = chiSquareUpper(Math.max(1, bins - 1)) * scale;
  const emptyLikely = bins * (1 - 1 / bins) ** sizes.current > NOISE_ALPHA;
  const patch = emptyLikely ? (1 / bins) * Math.log(1 / bins / EMPTY_SHARE) : 0;
  return {
    psi: chi + patch,
    ks: Math.sqrt(-Math.log(NOISE_ALPHA / 2) / 2) * Math.sqrt(scale),
    js: Math.sqrt(chi / 8),
  };
}

const LEVELS: readonly DriftStatus[] = ['stable', 'moderate', 'major'];

/** 0, 1 or 2: value >= moderate is moderate, value > major is major; both raised by the floor. */
function level(value: number, moderate: number, major: number, floor: number): number {
  if (!(value >= 0)) return 0;
  const raise = floor > moderate ? floor / moderate : 1;
  if (value > major * raise) return 2;
  return value >= moderate * raise ? 1 : 0;
}

/**
 * A feature's status: the worst of its PSI, KS and JS readings. With `sizes`,
 * each statistic's two thresholds are raised together (same ratio) until the
 * moderate one clears that statistic's noise floor, so small days
 * (visitorsPerDay down to 50) do not raise false alarms; at the default 500 a
 * day nothing changes. NaN statistics read as stable.
 */
export function classifyFeature(stats: DriftStats, sizes?: SampleSizes): DriftStatus {
  return classifyAbove(stats, sizes ? noiseFloors(sizes) : { psi: 0, ks: 0, js: 0 });
}

/**
 * A feature's status with explicit floors: each statistic's thresholds are
 * raised (same ratio) until the moderate one reaches its floor. The engine
 * passes the larger of the noise floors and the variation normal days showed
 * during training (eval/monitoring.ts).
 */
export function classifyAbove(stats: DriftStats, floor: DriftStats): DriftStatus {
  const worst = Math.max(
    level(stats.psi, PSI_MODERATE, PSI_MAJOR, floor.psi),
    level(stats.ks, KS_MODERATE, KS_MAJOR, floor.ks),
    level(stats.js, JS_MODERATE, JS_MAJOR, floor.js),
  );
  return LEVELS[worst];
}

/** The dataset-level reading of per-feature statuses. */
export interface DatasetVerdict {
  status: DriftStatus;
  drifted: number; // features whose status is not stable
  share: number; // drifted / number of features (0 when there are none)
}

/**
 * Dataset verdict from the share of drifted features: >= DATASET_MAJOR_SHARE
 * major, >= DATASET_MODERATE_SHARE moderate. One feature in major drift makes
 * the dataset at least moderate: a single dark source is enough to hurt a model.
 */
export function datasetVerdict(statuses: readonly DriftStatus[]): DatasetVerdict {
  let drifted = 0;
  for (const s of statuses) if (s !== 'stable') drifted++;
  const share = statuses.length === 0 ? 0 : drifted / statuses.length;
  let status: DriftStatus = 'stable';
  if (share >= DATASET_MAJOR_SHARE) status = 'major';
  else if (share >= DATASET_MODERATE_SHARE || statuses.includes('major')) status = 'moderate';
  return { status, drifted, share };
}

/** Largest PSI over PSI_BINS equal reference bins: every current row in one bin. */
const PSI_CEILING =
  (1 - 1 / PSI_BINS) * Math.log(PSI_BINS) +
  (PSI_BINS - 1) * (1 / PSI_BINS - EMPTY_SHARE) * Math.log(1 / (PSI_BINS * EMPTY_SHARE));
/** KS and the JS distance (natural log) cannot exceed these. */
const KS_CEILING = 1;
const JS_CEILING = Math.sqrt(Math.log(2));

function calibratedLevel(
  value: number,
  moderate: number,
  major: number,
  floor: number,
  ceiling: number,
): number {
  if (!(value >= 0)) return 0;
  const mod = Math.max(moderate, floor);
  // Raised like the moderate threshold, but never past halfway to the ceiling,
  // so a bounded statistic can still read major once its floor is high.
  const maj = Math.max(major, Math.min((mod * major) / moderate, (mod + ceiling) / 2));
  if (value > maj) return 2;
  return value >= mod ? 1 : 0;
}

/**
 * A feature's status against calibrated floors (the monitor passes the
 * larger of the noise floors and the variation the training days showed):
 * moderate from the larger of the usual threshold and the floor; major from
 * the usual ratio above that, capped halfway between it and the statistic's
 * ceiling (PSI over 10 bins about 8.3, KS 1, JS 0.83).
 */
export function classifyCalibrated(stats: DriftStats, floor: DriftStats): DriftStatus {
  const worst = Math.max(
    calibratedLevel(stats.psi, PSI_MODERATE, PSI_MAJOR, floor.psi, PSI_CEILING),
    calibratedLevel(stats.ks, KS_MODERATE, KS_MAJOR, floor.ks, KS_CEILING),
    calibratedLevel(stats.js, JS_MODERATE, JS_MAJOR, floor.js, JS_CEILING),
  );
  return LEVELS[worst];
}
