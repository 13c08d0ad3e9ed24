/** The jobs panel's numbers: jobs, the registry and its aliases, the audit log and the ledger. */
import { describe, expect, it } from 'vitest';
import {
  aliasesAt,
  auditUpTo,
  formatLossTick,
  formatTimes,
  jobsUpTo,
  lossAxisTop,
  ledgerAt,
  registryAt,
} from '../../src/ui/jobs/jobsData';
import {
  dateOf,
  day,
  FAIL_REASON,
  fixtureDays,
  jobRecord,
  modelDay,
  REJECT_REASON,
  TRUTH,
} from './jobsFixtures';

const days = fixtureDays();

describe('jobs up to the day on screen', () => {
  it('lists every job, newest first, with the day it ran and what served then', () => {
    const jobs = jobsUpTo(days, 8);
    expect(jobs.map((j) => [j.day, j.job.version, j.job.status])).toEqual([
      [7, 5, 'blessed'],
      [6, 4, 'failed'],
      [5, 3, 'rejected'],
      [4, 2, 'blessed'],
    ]);
    expect(jobs[2].date).toBe(dateOf(5));
    expect(jobs[2].servingVersion).toBe(2);
    expect(jobs[2].truth).toEqual(TRUTH);
    expect(jobs[2].job.reason).toBe(REJECT_REASON);
  });

  it('stops at the day on screen and is empty before serving', () => {
    expect(jobsUpTo(days, 5).map((j) => j.job.version)).toEqual([3, 2]);
    expect(jobsUpTo(days, 3)).toEqual([]);
    expect(jobsUpTo(days, 0)).toEqual([]);
  });

  it('keeps several jobs of one day newest first', () => {
    const two = [day(1, modelDay(1, { jobs: [jobRecord(2), jobRecord(3)] }))];
    expect(jobsUpTo(two, 1).map((j) => j.job.version)).toEqual([3, 2]);
  });

  it('never reads past the days computed', () => {
    expect(jobsUpTo(days, 50)).toHaveLength(4);
  });
});

describe('the registry', () => {
  it('has one row per version, newest first, version 1 from the collection period', () => {
    const rows = registryAt(days, 8, 0.79);
    expect(rows.map((r) => r.version)).toEqual([5, 4, 3, 2, 1]);
    const v1 = rows.at(-1)!;
    expect(v1).toMatchObject({
      parentVersion: null,
      status: 'blessed',
      reason: null,
      createdDay: 3,
      createdDate: dateOf(3),
      windowStart: dateOf(1),
      windowEnd: dateOf(3),
      rows: 240,
      validationAccuracy: 0.79,
    });
    expect(rows.find((r) => r.version === 3)).toMatchObject({
      status: 'rejected',
      reason: REJECT_REASON,
      parentVersion: 2,
      createdDay: 5,
      validationAccuracy: 0.61,
    });
    expect(rows.find((r) => r.version === 4)).toMatchObject({
      status: 'failed',
      reason: FAIL_REASON,
      validationAccuracy: null,
    });
  });

  it('counts the days each version served and its live accuracy over them', () => {
    const rows = registryAt(days, 8);
    const by = (v: number) => rows.find((r) => r.version === v)!;
    expect(by(1)).toMatchObject({ servedDays: 1, liveAccuracy: 0.7, validationAccuracy: null });
    expect(by(2).servedDays).toBe(3);
    expect(by(2).liveAccuracy).toBeCloseTo((0.8 + 0.82 + 0.84) / 3, 12);
    expect(by(3)).toMatchObject({ servedDays: 0, liveAccuracy: null });
    expect(by(5)).toMatchObject({ servedDays: 1, liveAccuracy: 0.9 });
  });

  it('points serving at today’s version and previous at the one it replaced', () => {
    const rows = registryAt(days, 8);
    expect(rows.find((r) => r.version === 5)!.aliases).toEqual(['serving']);
    expect(rows.find((r) => r.version === 2)!.aliases).toEqual(['previous']);
    expect(rows.filter((r) => r.aliases.length === 0).map((r) => r.version)).toEqual([4, 3, 1]);
  });

  it('a version blessed at the end of today serves from tomorrow', () => {
    expect(aliasesAt(days, 4)).toEqual({ serving: 1, previous: null });
    expect(aliasesAt(days, 5)).toEqual({ serving: 2, previous: 1 });
    expect(aliasesAt(days, 7)).toEqual({ serving: 2, previous: 1 });
    expect(registryAt(days, 4).map((r) => [r.version, r.aliases])).toEqual([
      [2, []],
      [1, ['serving']],
    ]);
  });

  it('after a rollback, previous is the version rolled back from', () => {
    const served = [1, 1, 2, 2, 3, 2].map((v, i) => day(i + 1, modelDay(v)));
    expect(aliasesAt(served, 6)).toEqual({ serving: 2, previous: 3 });
    expect(aliasesAt(served, 4)).toEqual({ serving: 2, previous: 1 });
  });

  it('is empty before version 1 exists and has no aliases before serving', () => {
    expect(registryAt(days, 2)).toEqual([]);
    expect(aliasesAt(days, 3)).toEqual({ serving: null, previous: null });
    const v1 = registryAt(days, 3);
    expect(v1.map((r) => [r.version, r.servedDays, r.aliases])).toEqual([[1, 0, []]]);
  });

  it('ignores the static model’s first training event', () => {
    expect(registryAt(days, 8).filter((r) => r.version === 1)).toHaveLength(1);
  });
});

describe('the audit log', () => {
  it('lists entries up to the day on screen, newest first, with their day', () => {
    const log = auditUpTo(days, 8);
    expect(log.map((a) => [a.day, a.entry.action, a.entry.from, a.entry.to])).toEqual([
      [7, 'promote', 2, 5],
      [6, 'fail', 2, 2],
      [5, 'reject', 2, 2],
      [4, 'promote', 1, 2],
    ]);
    expect(auditUpTo(days, 5).map((a) => a.day)).toEqual([5, 4]);
    expect(auditUpTo(days, 3)).toEqual([]);
  });

  it('keeps several entries of one day newest first', () => {
    const entry = (why: string) => ({
      date: dateOf(1),
      action: 'gate' as const,
      from: 1,
      to: 1,
      why,
    });
    const one = day(1, modelDay(1));
    one.audit = [entry('first'), entry('second')];
    expect(auditUpTo([one], 1).map((a) => a.entry.why)).toEqual(['second', 'first']);
  });
});

describe('the cost ledger', () => {
  it('gives both models’ totals on the day on screen and how many times the work', () => {
    const ledger = ledgerAt(days, 8)!;
    expect(ledger.static).toEqual({
      trainingRuns: 1,
      examplesProcessed: 1000,
      releases: 1,
      trainingMs: 50,
      rejectedJobs: 0,
      failedJobs: 0,
    });
    expect(ledger.dynamic).toMatchObject({
      trainingRuns: 5,
      examplesProcessed: 4000,
      releases: 3,
      rejectedJobs: 1,
      failedJobs: 1,
    });
    expect(ledger.examplesRatio).toBe(4);
    expect(ledger.runsRatio).toBe(5);
    expect(ledgerAt(days, 5)!.examplesRatio).toBeCloseTo(2.8, 12);
  });

  it('is null before the models serve, and ratios are null when static has done nothing', () => {
    expect(ledgerAt(days, 3)).toBeNull();
    expect(ledgerAt(days, 0)).toBeNull();
    const odd = day(1, modelDay(1));
    odd.static = modelDay(1, { trainingRuns: 0, examplesProcessed: 0 });
    expect(ledgerAt([odd], 1)).toMatchObject({ examplesRatio: null, runsRatio: null });
  });

  it('formats ratios for "N× the training work"', () => {
    expect(formatTimes(4)).toBe('4');
    expect(formatTimes(2.84)).toBe('2.8');
    expect(formatTimes(312.4)).toBe('312');
    expect(formatTimes(1234.6)).toBe('1,235');
  });
});

describe('the loss axis', () => {
  const at = (...values: number[]) => values.map((loss, step) => ({ step, loss }));

  it('starts at zero and ends at the round number at or above the largest loss', () => {
    expect(lossAxisTop(at(0.473, 0.4725, 0.472))).toBe(0.5);
    expect(lossAxisTop(at(0.5))).toBe(0.5);
    expect(lossAxisTop(at(0.69, 0.45))).toBe(0.8);
    expect(lossAxisTop(at(0.449, 0.4495, 0.449))).toBe(0.5);
    expect(lossAxisTop(at(1.07))).toBe(1.2);
    expect(lossAxisTop(at(12.3))).toBe(15);
    expect(lossAxisTop(at(0.0231))).toBe(0.025);
  });

  it('so a change of 0.001 on it is a fifth of a percent of its height', () => {
    const top = lossAxisTop(at(0.473, 0.472));
    expect((0.473 - 0.472) / top).toBeLessThan(0.0025);
  });

  it('reaches a blow-up’s last finite loss and ignores the losses that are not numbers', () => {
    expect(lossAxisTop(at(0.69, 40, NaN))).toBe(40);
    expect(lossAxisTop(at(0.69, Infinity))).toBe(0.8);
    expect(lossAxisTop(at(NaN))).toBe(1);
    expect(lossAxisTop([])).toBe(1);
  });

  it('writes its labels without trailing zeros', () => {
    expect([0.5, 1.2, 40, 0.025, 15, 0.30000000000000004].map(formatLossTick)).toEqual([
      '0.5',
      '1.2',
      '40',
      '0.025',
      '15',
      '0.3',
    ]);
  });
});
