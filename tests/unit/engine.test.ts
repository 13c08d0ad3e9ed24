/** The prequential engine: the timeline, determinism, label delay, cadences, and no tensor leaks. */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/sim/engine';
import { initBackend, liveTensorCount } from '../../src/sim/model';
import { run, settingsWith, withoutTimings } from './helpers';

describe('engine timeline', () => {
  it('collects for 62 days, then both models serve from 1 September as copies of version 1', async () => {
    const { days, summary, config } = await run({ days: 70, visitorsPerDay: 200 });
    expect(config.collectionDays).toBe(62);
    expect(days).toHaveLength(70);
    expect(days.slice(0, 62).every((d) => d.static === null && d.dynamic === null)).toBe(true);
    expect(days[61].date).toBe('2025-08-31');
    const first = days[62];
    expect(first.date).toBe('2025-09-01');
    expect(first.phase).toBe('serving');
    expect(first.static?.servingVersion).toBe(1);
    expect(first.dynamic?.servingVersion).toBe(1);
    // Same weights on the first serving day: identical scores.
    expect(first.dynamic?.accuracy).toBe(first.static?.accuracy);
    expect(first.dynamic?.logLoss).toBe(first.static?.logLoss);
    // Day 62's events: version 1 trained on July-August, 80% of its rows.
    const v1 = days[61].events.find((e) => e.model === 'static');
    expect(v1).toMatchObject({ version: 1, windowStart: '2025-07-01', windowEnd: '2025-08-31' });
    expect(v1?.rows).toBe(Math.round(62 * 200 * 0.8));
    expect(summary.static.validationRows).toBe(62 * 200 - (v1?.rows ?? 0));
    // Daily jobs: the dynamic model serves version 2 on 2 September.
    expect(days[63].dynamic?.servingVersion).toBe(2);
    expect(days[63].static?.servingVersion).toBe(1);
    expect(days[69].dynamic?.trainingRuns).toBe(1 + 7);
    expect(days[69].static?.trainingRuns).toBe(1);
    for (const d of days.slice(62)) {
      expect(Number.isFinite(d.static?.logLoss)).toBe(true);
      expect(d.baselineAccuracy).toBeCloseTo(Math.max(d.buyRate, 1 - d.buyRate), 12);
      expect(d.oracleAccuracy).toBeGreaterThan(0.6);
    }
  });

  it('gives identical days for identical settings (timings aside)', async () => {
    const settings = { seed: 11, days: 100, visitorsPerDay: 120 };
    const a = await run(settings);
    const b = await run(settings);
    expect(withoutTimings(a.days)).toEqual(withoutTimings(b.days));
    const c = await run({ ...settings, seed: 12 });
    expect(withoutTimings(c.days)).not.toEqual(withoutTimings(a.days));
  });

  it('with a label delay, a job trains only on days whose labels have arrived', async () => {
    const { days } = await run({ days: 66, visitorsPerDay: 100, labelDelay: 3, windowDays: 10 });
    const v1 = days[61].events[0];
    expect(v1.windowEnd).toBe('2025-08-28');
    const job = days[64].events[0];
    expect(job.model).toBe('dynamic');
    // Labels up to 31 Aug have arrived at the end of 3 Sep; the newest labelled
    // day is held out for the validation gate, the 10 before it train.
    expect(job.windowEnd).toBe('2025-08-30');
    expect(job.windowStart).toBe('2025-08-21');
    const record = days[64].dynamic!.jobs[0];
    expect(record.validation?.from).toBe('2025-08-31');
  });

  it.each([
    ['weekly', 1 + Math.floor((365 - 1 - 62) / 7)],
    // Month ends 30 Sep ... 31 May; 30 June is the last day, after which nothing serves.
    ['monthly', 1 + 9],
  ] as const)('a %s cadence runs %i jobs in a year', async (cadence, expectedRuns) => {
    const { summary } = await run({ cadence, visitorsPerDay: 50 });
    expect(summary.dynamic.trainingRuns).toBe(expectedRuns);
    expect(summary.static.trainingRuns).toBe(1);
  });

  it('frees every tensor: the count after day 100 equals the count after day 730', async () => {
    const { backend } = await initBackend();
    const engine = new Engine(settingsWith({ days: 730, visitorsPerDay: 50 }), { backend });
    let atDay100 = -1;
    while (!engine.done) {
      engine.step();
      if (engine.day === 100) atDay100 = liveTensorCount();
    }
    expect(atDay100).toBeGreaterThanOrEqual(0);
    expect(liveTensorCount()).toBe(atDay100);
  });
});
