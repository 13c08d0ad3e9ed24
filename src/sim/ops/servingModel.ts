/**
 * A serving model's state and its cost ledger.
 *
 * Owns: which version of a model serves, when its training data ended, and
 * the running totals of what training it has cost (runs, examples, releases,
 * time).
 * Must not touch: tensors (it holds a plain snapshot) or scheduling.
 */
import { cloneSnapshot, modelEffects, type ModelSnapshot, type Trainer } from '../model';
import type { ModelDay, ModelRole } from '../results';
import { score } from '../eval/metrics';
import type { DayData } from '../world/visitors';

export interface Ledger {
  trainingRuns: number;
  examplesProcessed: number;
  releases: number;
  trainingMs: number;
}

/** What serving one day yields, before the cost ledger is added. */
export type ServedDay = Omit<ModelDay, keyof Ledger>;

export class ServingModel {
  readonly ledger: Ledger;

  constructor(
    readonly role: ModelRole,
    public snapshot: ModelSnapshot,
    public version: number,
    /** The last day whose rows the serving version trained on. */
    public trainedThroughDay: number,
    ledger: Ledger,
    private readonly trainer: Trainer,
  ) {
    this.ledger = { ...ledger };
  }

  /** A copy that serves the same version with its own ledger (the dynamic model's start). */
  copyAs(role: ModelRole): ServingModel {
    return new ServingModel(
      role,
      cloneSnapshot(this.snapshot),
      this.version,
      this.trainedThroughDay,
      this.ledger,
      this.trainer,
    );
  }

  /** Predicts the day's visitors and scores the predictions (kept for monitoring). */
  serve(data: DayData): { day: ServedDay; predictions: Float32Array } {
    const p = this.trainer.predict(this.snapshot, data.features, data.n);
    return {
      day: {
        ...score(p, data.labels),
        servingVersion: this.version,
        versionAgeDays: data.day - this.trainedThroughDay,
      },
      predictions: p,
    };
  }

  /** What the serving version learned, per feature, over the day's rows (model/explain.ts). */
  effects(data: DayData): number[] {
    return modelEffects(this.snapshot, data.features, data.n);
  }

  /** A served day's scores with the ledger as it stands (after any job of that day). */
  report(served: ServedDay): ModelDay {
    return { ...served, ...this.ledger };
  }

  /** Records a job that ran (whatever its outcome). */
  chargeJob(rows: number, steps: number, ms: number): void {
    this.ledger.trainingRuns++;
    this.ledger.examplesProcessed += rows * steps;
    this.ledger.trainingMs += ms;
  }

  /** Starts serving a new version from the next day. */
  release(snapshot: ModelSnapshot, version: number, trainedThroughDay: number): void {
    this.snapshot = snapshot;
    this.version = version;
    this.trainedThroughDay = trainedThroughDay;
    this.ledger.releases++;
  }
}
