/** The chart's data preparation: rolling means, rows up to today, and the annotations. */
import { describe, expect, it } from 'vitest';
import type {
  AuditEntry,
  DayResult,
  JobRecord,
  ModelDay,
  TrainingEvent,
} from '../../src/sim/results';
import {
  accuracyFloor,
  chartRows,
  holidayMarks,
  percent,
  quarantineMarks,
  retrainMarks,
  rollingMean,
} from '../../src/ui/chart/chartData';

const model = (accuracy: number): ModelDay => ({
  accuracy,
  logLoss: 0.5,
  auc: 0.8,
  predictedBuyRate: 0.3,
  servingVersion: 1,
  versionAgeDays: 1,
  trainingRuns: 1,
  examplesProcessed: 10,
  releases: 1,
  trainingMs: 1,
  rejectedJobs: 0,
  failedJobs: 0,
  jobs: [],
});

function day(n: number, values: { s?: number; d?: number; holiday?: DayResult['holiday'] } = {}) {
  const serving = values.s !== undefined;
  return {
    day: n,
    date: `2026-02-${String(n).padStart(2, '0')}`,
    phase: serving ? 'serving' : 'collection',
    holiday: values.holiday ?? null,
    visitors: 100,
    buyRate: 0.3,
    oracleAccuracy: 0.9,
    baselineAccuracy: 0.7,
    static: serving ? model(values.s!) : null,
    dynamic: serving ? model(values.d ?? values.s!) : null,
    darkFeatures: [],
    effects: { truth: [], static: null, dynamic: null },
    drift: null,
    audit: [] as AuditEntry[],
    events: [] as TrainingEvent[],
    stepMs: 1,
  } satisfies DayResult;
}

describe('rolling means', () => {
  it('a 1-day window is the values themselves', () => {
    expect(rollingMean([0.5, 0.7, null, 0.9], 1)).toEqual([0.5, 0.7, null, 0.9]);
  });

  it('a trailing 3-day mean, over what exists at the start', () => {
    const out = rollingMean([1, 2, 3, 4, 5], 3);
    expect(out).toEqual([1, 1.5, 2, 3, 4]);
  });

  it('restarts after a gap instead of averaging across it', () => {
    expect(rollingMean([1, 3, null, 5, 7, 9], 2)).toEqual([1, 2, null, 5, 6, 8]);
  });
});

describe('chart rows', () => {
  const days = [
    day(1),
    day(2),
    day(3, { s: 0.8, d: 0.9 }),
    day(4, { s: 0.6, d: 0.8 }),
    day(5, { s: 0.5, d: 0.7 }),
  ];

  it('stop at the day on screen; collection days have no model lines', () => {
    const rows = chartRows(days, 4, 1);
    expect(rows.map((r) => r.day)).toEqual([1, 2, 3, 4]);
    expect(rows[0]).toMatchObject({ static: null, dynamic: null, oracle: null, baseline: null });
    expect(rows[3]).toMatchObject({ static: 0.6, dynamic: 0.8, oracle: 0.9, baseline: 0.7 });
  });

  it('apply the rolling mean per series', () => {
    const rows = chartRows(days, 5, 7);
    expect(rows[4].static).toBeCloseTo((0.8 + 0.6 + 0.5) / 3, 12);
    expect(rows[4].dynamic).toBeCloseTo((0.9 + 0.8 + 0.7) / 3, 12);
  });

  it('the accuracy axis starts a round tenth below the lowest value shown, never above 50%', () => {
    expect(accuracyFloor(chartRows(days, 5, 1), ['static', 'dynamic'])).toBe(0.5);
    expect(accuracyFloor(chartRows(days, 4, 1), ['static'])).toBe(0.5);
    const low = [day(1, { s: 0.23 })];
    expect(accuracyFloor(chartRows(low, 1, 1), ['static'])).toBe(0.2);
  });
});

describe('annotations', () => {
  it('every holiday of the run is marked on its day, before the run reaches it', () => {
    const marks = holidayMarks('2025-07-01', 365);
    expect(marks).toEqual([
      { day: 178, name: 'christmas', label: 'Christmas' },
      { day: 229, name: 'valentine', label: 'Valentine’s Day' },
      { day: 314, name: 'mothersDay', label: 'Mother’s Day' },
    ]);
    expect(holidayMarks('2025-07-01', 100)).toEqual([]);
  });

  it('retraining ticks: each job by its outcome, rollbacks, and quarantined days, up to today', () => {
    const days = [day(1, { s: 0.8 }), day(2, { s: 0.8 }), day(3, { s: 0.8 }), day(4, { s: 0.8 })];
    const record = (
      version: number,
      status: JobRecord['status'],
      promoted: boolean,
    ): JobRecord => ({
      version,
      parentVersion: version - 1,
      status,
      reason: status === 'blessed' ? null : 'a reason',
      promoted,
      windowStart: '2026-01-01',
      windowEnd: '2026-01-28',
      trainDays: 28,
      rows: 100,
      steps: 5,
      losses: [],
      validation: null,
      quarantined: version === 3 ? [{ date: days[0].date, reason: 'dark' }] : [],
      gates: { validation: true, data: true },
      effects: [],
      corruptedLabels: false,
      durationMs: 1,
    });
    days[0].dynamic!.jobs = [record(2, 'blessed', true)];
    days[1].dynamic!.jobs = [record(3, 'rejected', false)];
    days[2].dynamic!.jobs = [record(4, 'failed', false)];
    days[2].audit = [{ date: days[2].date, action: 'rollback', from: 2, to: 1, why: 'by hand' }];
    days[3].dynamic!.jobs = [record(5, 'rejected', true)];
    expect(retrainMarks(days, 3)).toEqual([
      { day: 1, version: 2, released: true, kind: 'blessed' },
      { day: 2, version: 3, released: false, kind: 'rejected' },
      { day: 3, version: 4, released: false, kind: 'failed' },
      { day: 3, version: 1, released: true, kind: 'rollback' },
    ]);
    // A rejected candidate that served anyway (gate off) counts as served.
    expect(retrainMarks(days, 4).at(-1)).toMatchObject({ kind: 'blessed', released: true });
    expect(quarantineMarks(days, 4)).toEqual([1]);
  });

  it('percentages read as a person writes them', () => {
    expect(percent(0.8123)).toBe('81.2%');
    expect(percent(null)).toBe('–');
  });
});
