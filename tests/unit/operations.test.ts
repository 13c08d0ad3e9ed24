/**
 * Training operations, measured: the validation gate keeps bad candidates
 * out and the serving weights untouched, the data gate quarantines dark days,
 * a rollback restores a version exactly, the ledger adds up, and in buggy-job
 * the gates hold accuracy while their absence costs it.
 */
import { describe, expect, it } from 'vitest';
import type { DayResult, Intervention, JobRecord } from '../../src/sim/contract';
import { runSimulation } from '../../src/sim/run';
import type { Settings } from '../../src/sim/settings';
import { meanAccuracy, settingsWith } from './helpers';

const SEEDS = [1, 2, 3, 4, 5];
const jobs = (days: DayResult[]): JobRecord[] => days.flatMap((d) => d.dynamic?.jobs ?? []);
const runWith = (overrides: Partial<Settings>, interventions: Intervention[] = []) =>
  runSimulation(settingsWith(overrides), { interventions });

describe('the validation gate', () => {
  it('a learning rate that blows training up gives failed jobs; the serving weights never change', async () => {
    const { days, summary } = await runWith({ days: 90, visitorsPerDay: 150, learningRate: 1000 });
    const all = jobs(days);
    expect(all.length).toBe(90 - 63);
    expect(all.every((j) => j.status === 'failed' && !j.promoted)).toBe(true);
    expect(all[0].reason).toMatch(/training diverged/);
    for (const d of days.slice(62)) {
      expect(d.dynamic!.servingVersion).toBe(1);
      // Version 1 serves both models: bit-identical predictions, so identical scores.
      expect(d.dynamic!.logLoss).toBe(d.static!.logLoss);
      expect(d.effects.dynamic).toEqual(d.effects.static);
    }
    expect(summary.dynamic.failedJobs).toBe(all.length);
    expect(summary.dynamic.releases).toBe(1);
  });

  it('rejects the corrupted-label candidates of buggy-job and keeps the serving version', async () => {
    const { days } = await runWith({ scenario: 'buggy-job', days: 165, visitorsPerDay: 200 });
    const bugJobs = jobs(days).filter((j) => j.corruptedLabels);
    expect(bugJobs).toHaveLength(7);
    expect(bugJobs.every((j) => j.status === 'rejected' && !j.promoted)).toBe(true);
    expect(bugJobs[0].reason).toMatch(/below the floor/);
    const serving = days.slice(151, 158).map((d) => d.dynamic!.servingVersion);
    expect(new Set(serving).size).toBe(1);
  });
});

describe('the data gate', () => {
  it('quarantines the outage’s dark days, naming the feature, and trains on the rest', async () => {
    const { days } = await runWith({ scenario: 'outage', days: 145, visitorsPerDay: 150 });
    const afterOutage = days[140].dynamic!.jobs[0];
    const dates = afterOutage.quarantined.map((q) => q.date);
    expect(dates).toEqual([
      '2025-11-08',
      '2025-11-09',
      '2025-11-10',
      '2025-11-11',
      '2025-11-12',
      '2025-11-13',
      '2025-11-14',
    ]);
    expect(afterOutage.quarantined[0].reason).toMatch(/minutesOnSite arrived as one value \(0\)/);
    expect(afterOutage.trainDays).toBe(28 - 7);
    const before = days[120].dynamic!.jobs[0];
    expect(before.quarantined).toEqual([]);
    const off = await runWith({
      scenario: 'outage',
      days: 145,
      visitorsPerDay: 150,
      dataGate: false,
    });
    expect(jobs(off.days).every((j) => j.quarantined.length === 0)).toBe(true);
  });
});

describe('rollback and the ledger', () => {
  it('a rollback to version 1 serves exactly version 1 again (the static model’s predictions)', async () => {
    const { days } = await runWith({ days: 120, visitorsPerDay: 150 }, [
      { day: 100, kind: 'rollback', version: 1 },
    ]);
    const next = days[100];
    expect(next.dynamic!.servingVersion).toBe(1);
    expect(next.dynamic!.logLoss).toBe(next.static!.logLoss);
    expect(next.effects.dynamic).toEqual(next.effects.static);
    expect(days[99].audit.find((a) => a.action === 'rollback')).toMatchObject({ to: 1 });
    expect(days[98].dynamic!.logLoss).not.toBe(days[98].static!.logLoss);
  });

  it('the ledger counts every job: runs, rejections, failures and releases', async () => {
    const { days, summary } = await runWith(
      { scenario: 'buggy-job', days: 170, visitorsPerDay: 150 },
      [{ day: 120, kind: 'rollback', version: 40 }],
    );
    const all = jobs(days);
    const d = summary.dynamic;
    expect(d.trainingRuns).toBe(1 + all.length);
    expect(d.rejectedJobs).toBe(all.filter((j) => j.status === 'rejected').length);
    expect(d.failedJobs).toBe(all.filter((j) => j.status === 'failed').length);
    const rollbacks = days
      .flatMap((x) => x.audit)
      .filter((a) => a.action === 'rollback' && a.to !== a.from);
    expect(d.releases).toBe(1 + all.filter((j) => j.promoted).length + rollbacks.length);
    expect(summary.static.trainingRuns).toBe(1);
  });
});

describe('buggy-job: gates hold accuracy, no gates cost it, a rollback restores it', () => {
  // The claims read days up to 6 Dec (day 159). A run's days do not depend on
  // its length, except that no job runs on its last day: 160 days give days
  // 1-159 exactly as a year does, in less than half the time.
  const days = 160;
  it.each(SEEDS)('seed %i', async (seed) => {
    const before = ['2025-11-21', '2025-11-27'] as const;
    const bug = ['2025-11-29', '2025-12-05'] as const;
    const gated = await runWith({ scenario: 'buggy-job', seed, days });
    const gatedBefore = meanAccuracy(gated.days, 'dynamic', ...before);
    expect(meanAccuracy(gated.days, 'dynamic', ...bug)).toBeGreaterThanOrEqual(gatedBefore - 0.03);

    const open = await runWith({ scenario: 'buggy-job', seed, days, validationGate: false });
    const openBefore = meanAccuracy(open.days, 'dynamic', ...before);
    expect(meanAccuracy(open.days, 'dynamic', ...bug)).toBeLessThanOrEqual(openBefore - 0.1);

    // Roll back by hand at the end of the bug's last day (day 157, 4 Dec) to
    // the version that served the day before the bug's first job.
    const good = open.days[149].dynamic!.servingVersion;
    const rolled = await runWith({ scenario: 'buggy-job', seed, days, validationGate: false }, [
      { day: 157, kind: 'rollback', version: good },
    ]);
    expect(rolled.days[157].dynamic!.servingVersion).toBe(good);
    const restored = meanAccuracy(rolled.days, 'dynamic', '2025-12-05', '2025-12-06');
    expect(restored).toBeGreaterThanOrEqual(openBefore - 0.03);
    expect(meanAccuracy(open.days, 'dynamic', '2025-12-05', '2025-12-05')).toBeLessThan(
      restored - 0.1,
    );
  });
});

describe('automatic rollback and retraining on alarm', () => {
  it('with no gate, the error detector rolls back to a version from before the bug', async () => {
    const { days } = await runWith({
      scenario: 'buggy-job',
      days: 170,
      validationGate: false,
      autoRollback: true,
    });
    const rollbacks = days
      .flatMap((d) => d.audit.map((a) => ({ d, a })))
      .filter((x) => x.a.action === 'rollback');
    expect(rollbacks.length).toBeGreaterThanOrEqual(1);
    const first = rollbacks[0];
    expect(first.a.why).toMatch(/automatic/);
    expect(first.d.day).toBeGreaterThanOrEqual(151);
    expect(first.a.to!).toBeLessThan(days[150].dynamic!.servingVersion);
  });

  it('an alarm-driven cadence trains far less often than daily, and only after alarms', async () => {
    const { days, summary } = await runWith({ cadence: 'alarm' });
    expect(summary.dynamic.trainingRuns).toBeGreaterThan(1);
    expect(summary.dynamic.trainingRuns).toBeLessThan(100);
    for (const d of days) {
      if ((d.dynamic?.jobs.length ?? 0) === 0) continue;
      expect(d.drift!.alerts.some((a) => a.model === 'dynamic' && a.kind !== 'input')).toBe(true);
    }
  });
});
