/**
 * Error-stream drift detectors: DDM and Page-Hinkley, as River implements them.
 *
 * Owns: the two detectors' state machines, parameters, defaults and flags.
 * Must not touch: models, the engine or the results; callers feed numbers in
 * stream order and read the flags after each update.
 *
 * Followed line by line: online-ml/river's river/drift/binary/ddm.py,
 * river/drift/page_hinkley.py (the version with `mode`), the base classes in
 * river/base/drift_detector.py and the running mean river/stats/mean.py
 * (n += 1; mean += (1 / n) * (x - mean), kept in that exact form so results
 * match to the last bit), as in the current release 0.26.1 (the release notes
 * of 0.22 to 0.26.1 change neither detector beyond update() returning None).
 * Checked against the outputs River documents: the two docstring examples and
 * tests/drift/test_drift_detectors.py (tests/fixtures/river, rebuilt by
 * scripts/fixtures/river_streams.py).
 *
 * Flag semantics (River's): the flags describe the last update only. After an
 * update that set `driftDetected`, the next update first resets everything
 * (running mean, minima, both flags) and then processes its value as the first
 * of a fresh stream; so warm-up starts again after every drift.
 */

/** Running mean, exactly as river.stats.Mean with unit weights. */
class RunningMean {
  n = 0;
  mean = 0;

  update(x: number): void {
    this.n += 1;
    this.mean += (1 / this.n) * (x - this.mean);
  }
}

export interface DDMOptions {
  /** Samples needed before any warning or drift can be flagged (River: warm_start = 30). */
  warmStart?: number;
  /** Warning when p + s > p_min + warningThreshold * s_min (River: 2.0, ~95%). */
  warningThreshold?: number;
  /** Drift when p + s > p_min + driftThreshold * s_min (River: 3.0, ~99%). */
  driftThreshold?: number;
}

/**
 * Drift Detection Method (Gama et al., 2004) on a stream of bits: 1 = error,
 * 0 = correct. Tracks the error rate p and s = sqrt(p (1 - p) / n), keeps the
 * (p, s) at which p + s was smallest, and compares the current p + s with it.
 * Flags are computed only once n > warmStart (strictly); `warningDetected` is
 * recomputed on every such update and is false on the update that flags a
 * drift. A stretch with no error at all after warm-up gives s_min = 0, so the
 * next error is flagged as a drift at once (River does the same).
 */
export class DDM {
  readonly warmStart: number;
  readonly warningThreshold: number;
  readonly driftThreshold: number;

  private p = new RunningMean();
  private pMin = Infinity;
  private sMin = Infinity;
  private psMin = Infinity;
  private drift = false;
  private warning = false;

  constructor(options: DDMOptions = {}) {
    this.warmStart = options.warmStart ?? 30;
    this.warningThreshold = options.warningThreshold ?? 2.0;
    this.driftThreshold = options.driftThreshold ?? 3.0;
  }

  /** Whether the last update detected a drift. */
  get driftDetected(): boolean {
    return this.drift;
  }

  /** Whether the last update left the detector in the warning zone. */
  get warningDetected(): boolean {
    return this.warning;
  }

  /** Samples seen since the start or the last drift (including the last one). */
  get samples(): number {
    return this.p.n;
  }

  /** Error rate since the start or the last drift. */
  get errorRate(): number {
    return this.p.mean;
  }

  private reset(): void {
    this.drift = false;
    this.warning = false;
    this.p = new RunningMean();
    this.pMin = Infinity;
    this.sMin = Infinity;
    this.psMin = Infinity;
  }

  /** Feeds one bit (1 = error, 0 = correct). */
  update(x: number): void {
    if (this.drift) this.reset();
    this.p.update(x);
    const p = this.p.mean;
    const n = this.p.n;
    const s = Math.sqrt((p * (1 - p)) / n);
    if (n > this.warmStart) {
      if (p + s <= this.psMin) {
        this.pMin = p;
        this.sMin = s;
        this.psMin = this.pMin + this.sMin;
      }
      this.warning = p + s > this.pMin + this.warningThreshold * this.sMin;
      if (p + s > this.pMin + this.driftThreshold * this.sMin) {
        this.drift = true;
        this.warning = false;
      }
    }
  }
}

/** Which changes of the mean Page-Hinkley watches. */
export type PageHinkleyMode = 'up' | 'down' | 'both';

const MODES: readonly string[] = ['up', 'down', 'both'];

export interface PageHinkleyOptions {
  /** Values needed before a drift can be flagged (River: min_instances = 30). */
  minInstances?: number;
  /** Magnitude of change tolerated per value (River: delta = 0.005). */
  delta?: number;
  /** Detection threshold lambda, in the units of the input (River: threshold = 50). */
  threshold?: number;
  /** Forgetting factor of the cumulative sums (River: alpha = 1 - 0.0001). */
  alpha?: number;
  /** Increases, decreases or both (River: mode = "both"). */
  mode?: PageHinkleyMode;
}

/**
 * Page-Hinkley test (Page, 1954) for a change in the mean of a numeric stream.
 * With x_mean the running mean (this value included) and dev = x - x_mean:
 * up = alpha * up + dev - delta (tracking its minimum), down = alpha * down +
 * dev + delta (tracking its maximum, which River starts at -1); a drift when
 * up - min(up) > threshold ('up'), max(down) - down > threshold ('down'), or
 * either ('both'), once at least minInstances values were seen. No warnings.
 * The threshold is in input units: with the default 50, a rate in [0, 1] needs
 * dozens of consecutive elevated values before it can fire.
 */
export class PageHinkley {
  readonly minInstances: number;
  readonly delta: number;
  readonly threshold: number;
  readonly alpha: number;
  readonly mode: PageHinkleyMode;

  private xMean = new RunningMean();
  private sumIncrease = 0;
  private sumDecrease = 0;
  private minIncrease = Infinity;
  private maxDecrease = -1;
  private drift = false;

  constructor(options: PageHinkleyOptions = {}) {
    this.minInstances = options.minInstances ?? 30;
    this.delta = options.delta ?? 0.005;
    this.threshold = options.threshold ?? 50.0;
    this.alpha = options.alpha ?? 1 - 0.0001;
    const mode: string = options.mode ?? 'both';
    if (!MODES.includes(mode)) {
      throw new RangeError(`Invalid 'mode'. Valid values are: ${MODES.join(', ')}`);
    }
    this.mode = mode as PageHinkleyMode;
  }

  /** Whether the last update detected a drift. */
  get driftDetected(): boolean {
    return this.drift;
  }

  /** Values seen since the start or the last drift (including the last one). */
  get samples(): number {
    return this.xMean.n;
  }

  private reset(): void {
    this.drift = false;
    this.xMean = new RunningMean();
    this.sumIncrease = 0;
    this.sumDecrease = 0;
    this.minIncrease = Infinity;
    this.maxDecrease = -1;
  }

  /** Feeds one value. */
  update(x: number): void {
    if (this.drift) this.reset();
    this.xMean.update(x);
    const dev = x - this.xMean.mean;
    this.sumIncrease = this.alpha * this.sumIncrease + dev - this.delta;
    this.sumDecrease = this.alpha * this.sumDecrease + dev + this.delta;
    if (this.sumIncrease < this.minIncrease) this.minIncrease = this.sumIncrease;
    if (this.sumDecrease > this.maxDecrease) this.maxDecrease = this.sumDecrease;
    if (this.xMean.n >= this.minInstances) {
      const up = this.sumIncrease - this.minIncrease > this.threshold;
      const down = this.maxDecrease - this.sumDecrease > this.threshold;
      this.drift = this.mode === 'up' ? up : this.mode === 'down' ? down : up || down;
    }
  }
}
