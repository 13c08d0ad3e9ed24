/** The chart's data preparation: rolling means, rows up to today, and the annotations. */
import { describe, expect, it } from 'vitest';
import type {
  AuditEntry,
  DayResult,
  JobRecord,
  ModelDay,
  TrainingEvent,
} from '../../src/sim/contract';
import {
  accuracyFloor,
  axisMonths,
  type ChartRow,
  chartRows,
  downsampleRows,
  holidayMarks,
  labelledHolidays,
  MAX_CHART_POINTS,
  percent,
  quarantineMarks,
  retrainMarks,
  rollingMean,
  SERIES,
  type SeriesKey,
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

describe('downsampling a long run for drawing', () => {
  const START = '2025-07-01';
  const valentines = holidayMarks(START, 3650)
    .filter((h) => h.name === 'valentine')
    .map((h) => h.day);

  /**
   * Ten years of rows: nothing during the collection period, then wavy
   * accuracies with a one-day drop of the static model on every Valentine's
   * Day, a one-day peak of the dynamic model, and a five-day outage where the
   * static line has no value.
   */
  function longRows(n = 3650): ChartRow[] {
    return Array.from({ length: n }, (_, i) => {
      const day = i + 1;
      if (day <= 62) {
        return { day, date: '', static: null, dynamic: null, oracle: null, baseline: null };
      }
      const wave = 0.02 * Math.sin(day / 5) + 0.01 * Math.sin(day * 1.7);
      return {
        day,
        date: '',
        static: day >= 1000 && day < 1005 ? null : valentines.includes(day) ? 0.41 : 0.78 + wave,
        dynamic: day === 2000 ? 0.97 : 0.8 - wave,
        oracle: 0.87 + wave / 2,
        baseline: 0.65 + wave / 3,
      };
    });
  }

  const extremes = (rows: readonly ChartRow[], key: SeriesKey) => {
    const values = rows.flatMap((r) => (r[key] === null ? [] : [r[key]]));
    return [Math.min(...values), Math.max(...values)];
  };

  it('leaves a run of up to MAX_CHART_POINTS days as it is', () => {
    const rows = longRows(MAX_CHART_POINTS);
    expect(downsampleRows(rows, SERIES)).toBe(rows);
    expect(downsampleRows(longRows(365), ['static', 'dynamic'])).toHaveLength(365);
  });

  it.each([801, 1200, 2000, 3650])(
    '%i days: at most MAX_CHART_POINTS rows, in order, first and last day kept, values untouched',
    (n) => {
      const rows = longRows(n);
      for (const keys of [['static', 'dynamic'], [...SERIES], ['dynamic']] as SeriesKey[][]) {
        const out = downsampleRows(rows, keys);
        expect(out.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
        expect(out.length).toBeGreaterThan(MAX_CHART_POINTS / 2);
        expect(out[0].day).toBe(1);
        expect(out.at(-1)!.day).toBe(n);
        for (let i = 1; i < out.length; i++) expect(out[i].day).toBeGreaterThan(out[i - 1].day);
        // Rows are picked, never recomputed: each is the day's own row.
        expect(out.every((r) => r === rows[r.day - 1])).toBe(true);
        for (const k of keys) expect(extremes(out, k)).toEqual(extremes(rows, k));
      }
    },
  );

  it('keeps every one-day drop (each Valentine’s Day) and a one-day peak', () => {
    const out = downsampleRows(longRows(), ['static', 'dynamic']);
    expect(valentines).toHaveLength(10);
    for (const day of valentines) {
      expect(out.find((r) => r.day === day)?.static, `day ${day}`).toBe(0.41);
    }
    expect(out.find((r) => r.day === 2000)?.dynamic).toBe(0.97);
  });

  it('every day lies between a drawn low and a drawn high at most 20 days away', () => {
    const rows = longRows();
    const keys: SeriesKey[] = ['static', 'dynamic'];
    const out = downsampleRows(rows, keys);
    for (const k of keys) {
      for (const r of rows) {
        const v = r[k];
        if (v === null) continue;
        const near = out.filter((o) => Math.abs(o.day - r.day) <= 20 && o[k] !== null);
        expect(
          near.some((o) => o[k]! <= v) && near.some((o) => o[k]! >= v),
          `${k} day ${r.day}`,
        ).toBe(true);
      }
    }
  });

  it('gaps stay gaps: the collection period and an outage keep rows without a value', () => {
    const out = downsampleRows(longRows(), ['static', 'dynamic']);
    const day = (d: number) => out.find((r) => r.day === d);
    // The collection period: its first and last day, then serving starts on day 63.
    expect(day(1)).toMatchObject({ static: null, dynamic: null });
    expect(day(62)).toMatchObject({ static: null, dynamic: null });
    expect(day(63)?.static).not.toBeNull();
    // The outage: the days around it are kept, and a row inside it has no static value,
    // so the line breaks instead of joining across the gap.
    expect(day(999)?.static).not.toBeNull();
    expect(day(1005)?.static).not.toBeNull();
    expect(day(1000)?.static).toBeNull();
    expect(day(1004)?.static).toBeNull();
    expect(out.some((r) => r.day > 62 && r.dynamic === null)).toBe(false);
  });

  it('after the rolling mean, the last row drawn is today', () => {
    const days = Array.from({ length: 1500 }, (_, i) => ({
      ...day(1, { s: 0.7 + 0.1 * Math.sin(i) }),
      day: i + 1,
    }));
    for (const view of [900, 1234, 1500]) {
      const rows = chartRows(days, view, 7);
      const out = downsampleRows(rows, ['static', 'dynamic']);
      expect(out.at(-1)!.day).toBe(view);
      expect(out.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
      expect(out.at(-1)).toEqual(rows.at(-1));
    }
  });
});

describe('annotations over a long run', () => {
  it('a year names every holiday; ten years name each Valentine’s Day, the rest keep their line', () => {
    const year = holidayMarks('2025-07-01', 365);
    expect([...labelledHolidays(year, 365)].sort((a, b) => a - b)).toEqual(year.map((h) => h.day));
    const decade = holidayMarks('2025-07-01', 3650);
    expect(decade).toHaveLength(30);
    // Ten years: four names a quarter of the run apart, all Valentine's Days, the first one first.
    const named = [...labelledHolidays(decade, 3650)].sort((a, b) => a - b);
    const valentines = decade.filter((h) => h.name === 'valentine').map((h) => h.day);
    expect(named).toHaveLength(4);
    expect(named[0]).toBe(valentines[0]);
    expect(named.every((d) => valentines.includes(d))).toBe(true);
    for (let i = 1; i < named.length; i++)
      expect(named[i] - named[i - 1]).toBeGreaterThan(3650 / 4);
    // Two years: Valentine's and Mother's Days fit; Christmas, seven weeks before Valentine's, does not.
    const two = holidayMarks('2025-07-01', 730);
    const twoNamed = two.filter((h) => labelledHolidays(two, 730).has(h.day)).map((h) => h.name);
    expect(twoNamed).toEqual(['valentine', 'mothersDay', 'valentine', 'mothersDay']);
  });

  it('the date axis ticks every month up to two years, then quarters, then each January', () => {
    const ticks = (days: number) => axisMonths('2025-07-01', days).map((m) => m.label);
    expect(ticks(365)).toHaveLength(12);
    expect(ticks(3 * 365).slice(0, 4)).toEqual(['Jul 2025', 'Oct', 'Jan 2026', 'Apr']);
    const decade = ticks(3650);
    expect(decade).toHaveLength(11);
    expect(decade.every((label) => /\d{4}$/.test(label))).toBe(true);
  });
});
