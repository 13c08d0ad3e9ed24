/**
 * Part of the JSON contract (src/sim/contract): what the drift monitor reports
 * each serving day, the shapes of `DayResult.drift`.
 *
 * Owns: these types and the drift levels (DriftStatus), so the monitor
 * (src/sim/eval), the results and the UI share one definition. Every value is
 * plain data. Fields are added, never renamed or removed.
 * Must not touch: how drift is measured or classified (src/sim/eval/drift.ts,
 * monitoring.ts, alerts.ts).
 */
import type { ModelRole } from './roles';

/** How far a feature (or the data set) moved from the reference, in three levels. */
export type DriftStatus = 'stable' | 'moderate' | 'major';

/** One feature's drift against a model's training reference. */
export interface FeatureReading {
  psi: number;
  /** Two-sample KS over the monitor's fine grid (within 0.011 of the exact value). */
  ks: number;
  js: number;
  status: DriftStatus;
}

/** The dataset-level reading: the share of features that drifted. */
export interface DriftVerdict {
  status: DriftStatus;
  drifted: number;
  share: number;
}

/** One serving model's monitoring on one day. */
export interface ModelDrift {
  /** The version whose training data is the reference. */
  referenceVersion: number;
  /** Per feature (FEATURES order): today's serving inputs against the reference. */
  day: FeatureReading[];
  /** Per feature: the last `driftWindowDays` days of serving inputs against the reference. */
  window: FeatureReading[];
  dayVerdict: DriftVerdict;
  windowVerdict: DriftVerdict;
  /** Mean predicted probability today minus the model's mean prediction on its training rows. */
  predictionDrift: number;
  /** Mean predicted probability today minus today's buy rate (0: calibrated on average). */
  calibrationGap: number;
  /** Today's buy rate minus the buy rate of the model's training rows. */
  labelDrift: number;
  /**
   * Per feature, the reference's share of rows in each histogram bin; set on
   * the first day a reference serves, null on the days after (it has not changed).
   */
  referenceShares: number[][] | null;
}

export type AlertKind = 'input' | 'ddm-warning' | 'ddm-drift' | 'page-hinkley';

/** Something a person should look at, raised by the monitor. */
export interface DriftAlert {
  model: ModelRole;
  kind: AlertKind;
  /** The feature, for input alerts. */
  feature: string | null;
  /** The status reached, for input alerts. */
  status: DriftStatus | null;
  /** Which statistic, and how big: "PSI 8.2" for inputs, an error rate for detectors. */
  measure: string;
  value: number;
  /** One plain sentence. */
  text: string;
}

/** The monitor's report for one serving day. */
export interface DayDrift {
  static: ModelDrift;
  dynamic: ModelDrift;
  alerts: DriftAlert[];
  /** Per feature, today's serving inputs' share of rows in each histogram bin. */
  inputShares: number[][];
  /** Per feature, the histogram's bin edges; set on the first serving day, null after. */
  edges: number[][] | null;
  /**
   * Per feature, the alarm floors calibrated on the collection period (for a
   * day and for the rolling window); set on the first serving day, null after.
   */
  calibration: { day: DriftFloor[]; window: DriftFloor[] } | null;
}

/** The level below which a statistic is not read as drift for this feature. */
export interface DriftFloor {
  psi: number;
  ks: number;
  js: number;
}
