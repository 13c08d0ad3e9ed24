/**
 * Part of the JSON contract (src/sim/contract): what the engine reports each
 * day and at the end of a run, i.e. the output of
 * `npm run simulate -- --format json`.
 *
 * Owns: the shape of results. Fields are added, never renamed or removed.
 * Every value is plain data (numbers, strings, null), so results cross the
 * worker boundary by structured clone. Every field whose name ends in `Ms` is
 * a wall-clock timing; all other fields are identical for identical settings
 * (the determinism rule). The order of fields in the JSON is the order in
 * which the engine builds them, not the order declared here.
 * Must not touch: how results are computed (src/sim/engine.ts, summary.ts).
 */
import type { Settings } from '../settings';
import type { HolidayName, IsoDate } from '../world/calendar';
import type { DayDrift } from './drift';
import type { Ledger } from './ledger';
import type { AuditEntry, Intervention, JobRecord } from './registry';
import type { BackendName, ModelRole, Phase } from './roles';

/**
 * How one serving model did on one day, and what it has cost so far: the
 * ledger's totals are cumulative, counting a job run at the end of this day.
 */
export interface ModelDay extends Ledger {
  /** Share of visitors classified right at threshold 0.5. */
  accuracy: number;
  /** Mean log loss, probabilities clipped to [1e-7, 1 - 1e-7]; always finite. */
  logLoss: number;
  /** Null when the day's visitors all bought or all did not. */
  auc: number | null;
  /** Mean predicted probability of buying. */
  predictedBuyRate: number;
  /** The version that served this day (1 = trained at the end of the collection period). */
  servingVersion: number;
  /** Days since the serving version's training data ended. */
  versionAgeDays: number;
  /** The jobs that ran at the end of this day (the dynamic model's; always empty for static). */
  jobs: JobRecord[];
}

/** A training job that ran at the end of a day. */
export interface TrainingEvent {
  kind: 'trained';
  model: ModelRole;
  version: number;
  parentVersion: number | null;
  /** False when the job failed (weights not finite) and the serving version stayed. */
  released: boolean;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  /** Rows the job trained on (after any sampling of a large window). */
  rows: number;
  steps: number;
  warmStart: boolean;
  /** Mean training log loss of the new weights; null when training diverged. */
  finalLoss: number | null;
  /** True when the job's copy of the labels was corrupted (buggy-job scenario). */
  corruptedLabels: boolean;
  durationMs: number;
}

/**
 * Per feature (in FEATURES order), the average change in log-odds for one unit
 * of the feature on this day (world/effects.ts defines the measurement).
 */
export interface FeatureEffects {
  /** The world's true effects; null for a feature whose source is dark today. */
  truth: (number | null)[];
  /**
   * What the serving versions learned; null during the collection period,
   * except on its last day, when version 1 is trained (its effects on that day).
   */
  static: number[] | null;
  dynamic: number[] | null;
}

export interface DayResult {
  /** Day number from the first simulated day, 1-based. */
  day: number;
  date: IsoDate;
  phase: Phase;
  /** The gift holiday that falls on this date, if any. */
  holiday: HolidayName | null;
  visitors: number;
  /** Share of visitors who bought. */
  buyRate: number;
  /** Accuracy of predicting from the true probability (the best any model could do). */
  oracleAccuracy: number;
  /** Accuracy of the best constant prediction: max(buyRate, 1 - buyRate). */
  baselineAccuracy: number;
  /** Null during the collection period. */
  static: ModelDay | null;
  dynamic: ModelDay | null;
  /** Features whose upstream source was dark (sent a constant) today. */
  darkFeatures: string[];
  effects: FeatureEffects;
  /** Promotions, rejections, failures, rollbacks and gate switches of this day. */
  audit: AuditEntry[];
  /** The drift monitor's report (contract/drift.ts); null during the collection period. */
  drift: DayDrift | null;
  events: TrainingEvent[];
  stepMs: number;
}

/**
 * A model's totals. The dynamic model starts as a copy of version 1, so its
 * ledger includes that first job (static: 1 run; dynamic: 1 plus one per
 * scheduled job), and its validation fields are version 1's.
 */
export interface ModelSummary extends Ledger {
  /** Accuracy of version 1 on the held-out 20% of the collection period. */
  validationAccuracy: number;
  validationLogLoss: number;
  validationRows: number;
  /** Mean daily accuracy over the serving days. */
  meanAccuracy: number;
}

/** Mean accuracies over one named stretch of serving days. */
export interface WindowSummary {
  label: string;
  from: IsoDate;
  to: IsoDate;
  static: number;
  dynamic: number;
  oracle: number;
}

export interface RunSummary {
  servingDays: number;
  static: ModelSummary;
  dynamic: ModelSummary;
  oracleMeanAccuracy: number;
  baselineMeanAccuracy: number;
  /** The week before each Valentine's Day in the run (7-13 February). */
  valentineWeeks: WindowSummary[];
  backend: BackendName;
  /** The dynamic model's registry at the end: its memory stays bounded (ops/registry.ts). */
  registry: RegistrySummary;
  totalMs: number;
}

export interface RegistrySummary {
  /** Versions registered (every job, whatever its outcome, plus version 1). */
  versions: number;
  /**
   * Versions whose weights are still kept: those that served and were made
   * within the last year, the newest candidates, and the few a rollback needs
   * (ops/registry.ts).
   */
  weightsKept: number;
  /** Bytes of kept weights and scalers. */
  weightBytes: number;
}

export interface RunConfig {
  settings: Settings;
  scenarioTitle: string;
  collectionDays: number;
  backend: BackendName;
  /** Actions taken during the run (rollbacks, gate switches); settings plus these replay it. */
  interventions: Intervention[];
}

/** Everything a run produced: the CLI's JSON output. */
export interface RunOutput {
  config: RunConfig;
  days: DayResult[];
  summary: RunSummary;
}
