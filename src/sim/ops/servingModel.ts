/**
 * A serving model's state and its cost ledger.
 *
 * Owns: which version of a model serves, when its training data ended, and
 * the running totals of what training it has cost (runs, examples, releases,
 * time). The ledger's shape is the contract's (src/sim/contract/ledger.ts).
 * Must not touch: tensors (it holds a plain snapshot) or scheduling.
 */
import type { JobRecord, Ledger, ModelDay, ModelRole, VersionStatus } from '../contract';
import { cloneSnapshot, modelEffects, type ModelSnapshot, type Trainer } from '../model';
import { score } from '../eval/metrics';
import type { DayData } from '../world/visitors';

/** A ledger with nothing in it. */
export const EMPTY_LEDGER: Ledger = {
  trainingRuns: 0,
  examplesProcessed: 0,
  releases: 0,
  trainingMs: 0,
  rejectedJobs: 0,
  failedJobs: 0,
};

/** What serving one day yields, before the cost ledger and the day's jobs are added. */
export type ServedDay = Omit<ModelDay, keyof Ledger | 'jobs'>;

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

  /** A served day's scores with the ledger as it stands and the jobs run at the end of the day. */
  report(served: ServedDay, jobs: JobRecord[] = []): ModelDay {
    return { ...served, ...this.ledger, jobs };
  }

  /** Records a job that ran, whatever its outcome. */
  chargeJob(rows: number, steps: number, ms: number, outcome: VersionStatus = 'blessed'): void {
    this.ledger.trainingRuns++;
    this.ledger.examplesProcessed += rows * steps;
    this.ledger.trainingMs += ms;
    if (outcome === 'rejected') this.ledger.rejectedJobs++;
    if (outcome === 'failed') this.ledger.failedJobs++;
  }

  /** Starts serving a new version from the next day. */
  release(snapshot: ModelSnapshot, version: number, trainedThroughDay: number): void {
    this.snapshot = snapshot;
    this.version = version;
    this.trainedThroughDay = trainedThroughDay;
    this.ledger.releases++;
  }
}
