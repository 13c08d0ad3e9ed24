/**
 * The engine's drift monitor: each serving day, both models' inputs,
 * predictions and errors against what each model was trained on.
 *
 * Owns: the monitoring grid, the calibration of what a normal day looks like,
 * each model's reference (static: the collection period; dynamic: the window
 * its serving version trained on), the error-stream detectors, and alerts.
 * Must not touch: models, training or the world; it receives rows,
 * predictions and labels from the engine.
 *
 * How it stays cheap (a documented equivalent of drift.ts's exact functions):
 * - One grid, built once from the collection period's rows (FeatureReference):
 *   every day's inputs are binned on it once, on arrival. For the static model
 *   PSI and JS are then exactly psi()/jensenShannon() against the collection
 *   period; KS is read on a 99-quantile grid (within 0.011 of ksStatistic).
 * - The dynamic model's reference is the sum of its window's binned days
 *   (no re-sorting per version), read over the same grid's bins instead of the
 *   window's own quantiles.
 * - Calibration: features that share one value per day (the day's weather,
 *   the weekend flag) make any single day look unlike a two-month pool. So each
 *   statistic's alarm level is raised to DRIFT_MARGIN times the largest value
 *   that the collection period's own days (and its own rolling windows) reach
 *   against it, and to at least the sampling-noise floor (drift.ts). A day or
 *   window is flagged only when it is more unusual than any training day was.
 */
import type { DriftAlert, ModelDrift, ModelRole } from '../contract';
import { DDM, PageHinkley } from './detectors';
import { datasetVerdict, type DriftStats } from './drift';
import { raiseFloors, readings, scaled, shares, stats, statusesOf } from './readings';
import { BinnedSum } from './binnedSum';
import { chainedCombos } from './calibrationWindows';
import { type BinnedRows, FeatureReference, mergeBinned } from './monitor';
import { AlertLog } from './alerts';

export { chainedCombos, windowCombos } from './calibrationWindows';

/**
 * How far beyond the most unusual training day (or window) a reading must go
 * to count as drift. A year holds five times as many days as the collection
 * period, so its most unusual ordinary day is more extreme than any training
 * day. Measured in the stable world over seeds 1-40: staying quiet all year
 * needed a margin of at most 2.15 (seed 13, a warm week in September); 3
 * leaves room, and real drift (a dark source, winter against a summer model)
 * reads far beyond it.
 */
export const DRIFT_MARGIN = 3;

/**
 * DDM on each visitor's error (1 = wrong). River's warmStart of 30 samples
 * sets its baseline from the first 30 visitors of a version, and a lucky
 * start then makes ordinary days look like a rise: in the stable world it
 * warned on 185 days a year. 1,000 visitors (two days at the default 500 a
 * day) give a steady baseline; a version retrained every day never gets
 * there, so its errors are judged by the validation gate instead.
 */
export const DDM_OPTIONS = { warmStart: 1000 } as const;

/**
 * Page-Hinkley on the daily error rate. River's default threshold (50, in the
 * input's units) never fires on a rate between 0 and 1; 0.5 with mode "up"
 * catches a rise of 8 points within about 6 days and raised no false alarm in
 * 50 simulated stable years. minInstances 7: one week of days before it may fire.
 */
export const PAGE_HINKLEY_OPTIONS = { mode: 'up', threshold: 0.5, minInstances: 7 } as const;

interface Pending {
  version: number;
  errors: Uint8Array;
  rate: number;
}

interface ModelState {
  version: number;
  reference: FeatureReference;
  meanPrediction: number;
  buyRate: number;
  ddm: DDM;
  pageHinkley: PageHinkley;
  fresh: boolean;
  pending: Pending[];
}

export class DriftMonitor {
  private grid: FeatureReference | null = null;
  private readonly binned = new Map<number, BinnedRows>();
  private dayFloors: DriftStats[] = [];
  private windowFloors: DriftStats[] = [];
  private readonly models: Record<ModelRole, ModelState | null> = { static: null, dynamic: null };
  private readonly alerts = new AlertLog();
  private window: { day: number; binned: BinnedRows } | null = null;
  /** Running sums: the rolling window, and each model's training reference. */
  private readonly windowSum = new BinnedSum();
  private readonly referenceSums: Record<ModelRole, BinnedSum> = {
    static: new BinnedSum(),
    dynamic: new BinnedSum(),
  };

  constructor(
    private readonly windowDays: number,
    private readonly labelDelay: number,
    /** Binned days older than this many days before today are forgotten. */
    private readonly keepDays: number,
  ) {}

  get ready(): boolean {
    return this.grid !== null;
  }

  /** The grid and the calibration, from the collection period's days. */
  setGrid(days: readonly { day: number; features: Float32Array }[], featureCount: number): void {
    let total = 0;
    for (const d of days) total += d.features.length;
    const all = new Float32Array(total);
    let offset = 0;
    for (const d of days) {
      all.set(d.features, offset);
      offset += d.features.length;
    }
    const grid = FeatureReference.fromMatrix(all, featureCount);
    this.grid = grid;
    for (const d of days) this.binned.set(d.day, grid.bin(d.features));
    // Loops, not callbacks made per call: a run calibrates once, but hundreds of
    // windows each made their own (see src/sim/model/directKernels.ts).
    const dayFloors: DriftStats[] = [];
    const windowFloors: DriftStats[] = [];
    for (let f = 0; f < featureCount; f++) {
      dayFloors.push({ psi: 0, ks: 0, js: 0 });
      windowFloors.push({ psi: 0, ks: 0, js: 0 });
    }
    const binned: BinnedRows[] = [];
    for (const d of days) binned.push(this.binned.get(d.day)!);
    for (const b of binned) raiseFloors(dayFloors, grid.compare(b));
    const calibrationSum = new BinnedSum();
    for (const combo of chainedCombos(binned.length, this.windowDays)) {
      const parts: (readonly [number, BinnedRows])[] = [];
      const members: BinnedRows[] = [];
      for (const i of combo) {
        parts.push([i, binned[i]]);
        members.push(binned[i]);
      }
      // A window that repeats a day (a stride sharing a factor with the
      // period) counts it twice, as mergeBinned does; a running sum cannot.
      const merged =
        new Set(combo).size === combo.length ? calibrationSum.of(parts) : mergeBinned(members);
      raiseFloors(windowFloors, grid.compare(merged));
    }
    for (let f = 0; f < featureCount; f++) {
      dayFloors[f] = scaled(dayFloors[f], DRIFT_MARGIN);
      windowFloors[f] = scaled(windowFloors[f], DRIFT_MARGIN);
    }
    this.dayFloors = dayFloors;
    this.windowFloors = windowFloors;
  }

  /** Bins one day's inputs on arrival. */
  addDay(day: number, features: Float32Array): void {
    if (!this.grid) throw new Error('the monitor has no grid before the collection period ends');
    this.binned.set(day, this.grid.bin(features));
    for (const old of this.binned.keys()) if (old < day - this.keepDays) this.binned.delete(old);
  }

  /** A version of `role` starts serving; its reference is the days it trained on. */
  startVersion(
    role: ModelRole,
    version: number,
    trainingDays: readonly number[],
    meanPrediction: number,
    buyRate: number,
  ): void {
    const grid = this.grid;
    if (!grid) throw new Error('the monitor has no grid yet');
    // Loops, not callbacks made per call (see src/sim/model/directKernels.ts on closures and V8).
    const parts: (readonly [number, BinnedRows])[] = [];
    const days: BinnedRows[] = [];
    for (const d of trainingDays) {
      const b = this.binned.get(d);
      if (!b) continue;
      parts.push([d, b]);
      days.push(b);
    }
    const unique = new Set(trainingDays).size === trainingDays.length;
    const reference =
      version === 1 || parts.length === 0
        ? grid
        : grid.withCounts(unique ? this.referenceSums[role].of(parts) : mergeBinned(days));
    const pending: Pending[] = [];
    for (const p of this.models[role]?.pending ?? []) if (p.version === version) pending.push(p);
    this.models[role] = {
      version,
      reference,
      meanPrediction,
      buyRate,
      ddm: new DDM(DDM_OPTIONS),
      pageHinkley: new PageHinkley(PAGE_HINKLEY_OPTIONS),
      fresh: true,
      // Errors of an older version still waiting for labels are dropped: the
      // detectors start afresh with the new version.
      pending,
    };
  }

  /** Today's inputs' share of rows per histogram bin, per feature. */
  inputShares(day: number): number[][] {
    const grid = this.grid!;
    const b = this.binned.get(day)!;
    const out: number[][] = [];
    for (let f = 0; f < grid.featureCount; f++) out.push(shares(grid.currentCounts(b, f), b.rows));
    return out;
  }

  /** The calibrated alarm floors per feature, for a day and for the window. */
  calibration(): { day: DriftStats[]; window: DriftStats[] } {
    return {
      day: this.dayFloors.map(stats),
      window: this.windowFloors.map(stats),
    };
  }

  /** The histogram's bin edges, per feature. */
  edges(): number[][] {
    const grid = this.grid!;
    const out: number[][] = [];
    for (let f = 0; f < grid.featureCount; f++) out.push(Array.from(grid.edges(f)));
    return out;
  }

  /** One model's monitoring for `day`, with the alerts it raises. */
  observe(
    role: ModelRole,
    day: number,
    predictions: Float32Array,
    labels: Uint8Array,
    featureIds: readonly string[],
  ): { drift: ModelDrift; alerts: DriftAlert[] } {
    const state = this.models[role];
    const today = this.binned.get(day);
    if (!state || !today) throw new Error(`nothing to monitor for the ${role} model on day ${day}`);
    const windowed = this.windowOf(day);
    const dayReadings = readings(state.reference, today, this.dayFloors);
    const windowReadings = readings(state.reference, windowed, this.windowFloors);

    const n = labels.length;
    let predicted = 0;
    let bought = 0;
    let wrong = 0;
    const errors = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      predicted += predictions[i];
      bought += labels[i];
      errors[i] = (predictions[i] >= 0.5 ? 1 : 0) !== labels[i] ? 1 : 0;
      wrong += errors[i];
    }
    const rate = wrong / Math.max(1, n);
    state.pending.push({ version: state.version, errors, rate });
    const alerts = this.alerts.inputs(role, featureIds, dayReadings, windowReadings);
    // Labels arrive `labelDelay` days after the visit; only then are errors known.
    while (state.pending.length > this.labelDelay) {
      const due = state.pending.shift()!;
      if (due.version === state.version) alerts.push(...this.feedDetectors(role, state, due));
    }

    const drift: ModelDrift = {
      referenceVersion: state.version,
      day: dayReadings,
      window: windowReadings,
      dayVerdict: datasetVerdict(statusesOf(dayReadings)),
      windowVerdict: datasetVerdict(statusesOf(windowReadings)),
      predictionDrift: predicted / Math.max(1, n) - state.meanPrediction,
      calibrationGap: (predicted - bought) / Math.max(1, n),
      labelDrift: bought / Math.max(1, n) - state.buyRate,
      referenceShares: state.fresh ? this.referenceShares(state.reference) : null,
    };
    state.fresh = false;
    return { drift, alerts };
  }

  /** The rolling window's binned inputs ending on `day` (the same for both models: merged once). */
  private windowOf(day: number): BinnedRows {
    if (this.window?.day === day) return this.window.binned;
    const parts: (readonly [number, BinnedRows])[] = [];
    for (let d = day - this.windowDays + 1; d <= day; d++) {
      const b = this.binned.get(d);
      if (b) parts.push([d, b]);
    }
    const binned = this.windowSum.of(parts);
    this.window = { day, binned };
    return binned;
  }

  private feedDetectors(role: ModelRole, state: ModelState, due: Pending): DriftAlert[] {
    let warned = false;
    let drifted = false;
    for (const e of due.errors) {
      state.ddm.update(e);
      warned ||= state.ddm.warningDetected;
      drifted ||= state.ddm.driftDetected;
    }
    state.pageHinkley.update(due.rate);
    return this.alerts.detectors(role, state.version, due.rate, {
      ddmWarning: warned,
      ddmDrift: drifted,
      pageHinkley: state.pageHinkley.driftDetected,
    });
  }

  private referenceShares(reference: FeatureReference): number[][] {
    const out: number[][] = [];
    for (let f = 0; f < reference.featureCount; f++) {
      out.push(shares(reference.referenceCounts(f), reference.rows));
    }
    return out;
  }
}
