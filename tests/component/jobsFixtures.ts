/**
 * Hand-built day results for the jobs panel's tests: a tiny run with a
 * three-day "collection period" (version 1 trained on day 3), then serving
 * days 4-8 with a blessed job (v2, one day quarantined), a rejected one (v3),
 * a failed one (v4) and another blessed one (v5), and their audit entries.
 *
 * Owns: these fixtures only; not a test file itself.
 */
import type {
  AuditEntry,
  DayResult,
  JobRecord,
  ModelDay,
  TrainingEvent,
} from '../../src/sim/contract';
import { dateOfDay } from '../../src/sim/world/calendar';

export const START = '2025-07-01';
export const dateOf = (day: number) => dateOfDay(START, day);
export const TRUTH = [0.01, 1.2, 0.3, 0.05, -0.4, 0.9, 0.2, -0.01, 0.1, -0.02];

export function modelDay(servingVersion: number, change: Partial<ModelDay> = {}): ModelDay {
  return {
    accuracy: 0.8,
    logLoss: 0.45,
    auc: 0.8,
    predictedBuyRate: 0.3,
    servingVersion,
    versionAgeDays: 1,
    trainingRuns: 1,
    examplesProcessed: 1000,
    releases: 1,
    trainingMs: 50,
    rejectedJobs: 0,
    failedJobs: 0,
    jobs: [],
    ...change,
  };
}

export function jobRecord(version: number, change: Partial<JobRecord> = {}): JobRecord {
  return {
    version,
    parentVersion: version - 1,
    status: 'blessed',
    reason: null,
    promoted: true,
    windowStart: dateOf(1),
    windowEnd: dateOf(version + 2),
    trainDays: version + 2,
    rows: 300,
    steps: 3,
    losses: [
      { step: 0, loss: 0.69 },
      { step: 1, loss: 0.55 },
      { step: 2, loss: 0.5 },
      { step: 3, loss: 0.48 },
    ],
    validation: {
      from: dateOf(version + 2),
      to: dateOf(version + 2),
      rows: 100,
      candidate: { accuracy: 0.8, logLoss: 0.45 },
      serving: { accuracy: 0.78, logLoss: 0.47 },
    },
    quarantined: [],
    gates: { validation: true, data: true },
    effects: TRUTH.map((t) => t * 0.9),
    corruptedLabels: false,
    durationMs: 12,
    ...change,
  };
}

const firstEvent = (model: 'static' | 'dynamic'): TrainingEvent => ({
  kind: 'trained',
  model,
  version: 1,
  parentVersion: null,
  released: true,
  windowStart: dateOf(1),
  windowEnd: dateOf(3),
  rows: 240,
  steps: 3,
  warmStart: false,
  finalLoss: 0.5,
  corruptedLabels: false,
  durationMs: 10,
});

const audit = (day: number, action: AuditEntry['action'], from: number, to: number, why: string) =>
  ({ date: dateOf(day), action, from, to, why }) satisfies AuditEntry;

export function day(
  n: number,
  dynamic: ModelDay | null,
  extra: { events?: TrainingEvent[]; audit?: AuditEntry[] } = {},
): DayResult {
  return {
    day: n,
    date: dateOf(n),
    phase: dynamic ? 'serving' : 'collection',
    holiday: null,
    visitors: 100,
    buyRate: 0.3,
    oracleAccuracy: 0.9,
    baselineAccuracy: 0.7,
    static: dynamic ? modelDay(1, { accuracy: 0.75 }) : null,
    dynamic,
    darkFeatures: [],
    effects: { truth: TRUTH, static: null, dynamic: null },
    audit: extra.audit ?? [],
    drift: null,
    events: extra.events ?? [],
    stepMs: 1,
  };
}

export const REJECT_REASON =
  'Accuracy 61.0% is more than 2 points below the serving version’s 78.0%';
export const FAIL_REASON = 'Training blew up: the loss is not a number';
export const QUARANTINE_REASON = 'Minutes on site arrived as a single value all day';

/** Days 1-8: serving v1 on day 4, v2 on days 5-7, v5 on day 8. */
export function fixtureDays(): DayResult[] {
  return [
    day(1, null),
    day(2, null),
    day(3, null, { events: [firstEvent('static'), firstEvent('dynamic')] }),
    day(
      4,
      modelDay(1, {
        accuracy: 0.7,
        trainingRuns: 2,
        examplesProcessed: 1900,
        releases: 2,
        jobs: [
          jobRecord(2, {
            quarantined: [{ date: dateOf(2), reason: QUARANTINE_REASON }],
            trainDays: 3,
          }),
        ],
      }),
      { audit: [audit(4, 'promote', 1, 2, 'Passed the validation gate')] },
    ),
    day(
      5,
      modelDay(2, {
        accuracy: 0.8,
        trainingRuns: 3,
        examplesProcessed: 2800,
        releases: 2,
        rejectedJobs: 1,
        jobs: [
          jobRecord(3, {
            status: 'rejected',
            reason: REJECT_REASON,
            promoted: false,
            corruptedLabels: true,
            validation: {
              from: dateOf(5),
              to: dateOf(5),
              rows: 100,
              candidate: { accuracy: 0.61, logLoss: 0.9 },
              serving: { accuracy: 0.78, logLoss: 0.47 },
            },
          }),
        ],
      }),
      { audit: [audit(5, 'reject', 2, 2, REJECT_REASON)] },
    ),
    day(
      6,
      modelDay(2, {
        accuracy: 0.82,
        trainingRuns: 4,
        examplesProcessed: 3400,
        releases: 2,
        rejectedJobs: 1,
        failedJobs: 1,
        jobs: [
          jobRecord(4, {
            status: 'failed',
            reason: FAIL_REASON,
            promoted: false,
            validation: null,
            losses: [
              { step: 0, loss: 0.69 },
              { step: 1, loss: 40 },
              { step: 2, loss: NaN },
            ],
            effects: TRUTH.map(() => NaN),
          }),
        ],
      }),
      { audit: [audit(6, 'fail', 2, 2, FAIL_REASON)] },
    ),
    day(
      7,
      modelDay(2, {
        accuracy: 0.84,
        trainingRuns: 5,
        examplesProcessed: 4000,
        releases: 3,
        rejectedJobs: 1,
        failedJobs: 1,
        jobs: [jobRecord(5, { parentVersion: 2 })],
      }),
      { audit: [audit(7, 'promote', 2, 5, 'Passed the validation gate')] },
    ),
    day(
      8,
      modelDay(5, {
        accuracy: 0.9,
        trainingRuns: 5,
        examplesProcessed: 4000,
        releases: 3,
        rejectedJobs: 1,
        failedJobs: 1,
      }),
    ),
  ];
}
