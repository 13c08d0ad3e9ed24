/**
 * Building a dynamic job's records: its JobRecord when it never trained, and
 * the TrainingEvent every job also reports (DayResult's `events`).
 *
 * Owns: these two shapes' construction. Must not touch: decisions (pipeline.ts).
 */
import type { JobRecord, TrainingEvent } from '../contract';

/** The record of a job that failed before training (nothing to train on). */
export function emptyRecord(
  version: number,
  parentVersion: number | null,
  reason: string,
  at: Pick<JobRecord, 'windowStart' | 'windowEnd' | 'quarantined' | 'gates' | 'durationMs'>,
): JobRecord {
  return {
    version,
    parentVersion,
    status: 'failed',
    reason,
    promoted: false,
    trainDays: 0,
    rows: 0,
    steps: 0,
    losses: [],
    validation: null,
    effects: [],
    corruptedLabels: false,
    ...at,
  };
}

/** The training event (results' `events`) of a dynamic job's record. */
export function eventOf(record: JobRecord, warmStart: boolean, finalLoss: number): TrainingEvent {
  return {
    kind: 'trained',
    model: 'dynamic',
    version: record.version,
    parentVersion: record.parentVersion,
    released: record.promoted,
    windowStart: record.windowStart,
    windowEnd: record.windowEnd,
    rows: record.rows,
    steps: record.steps,
    warmStart,
    finalLoss: Number.isFinite(finalLoss) ? finalLoss : null,
    corruptedLabels: record.corruptedLabels,
    durationMs: record.durationMs,
  };
}
