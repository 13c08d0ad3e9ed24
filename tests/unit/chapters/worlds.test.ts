/**
 * The chapters outside Valentine's week say what the engine's results say:
 * two ways to train and the check before serving (from the settings and the
 * first training), the still world's year, the buggy job's week and the
 * outage's first day, on seeds 1-5. Each number, date and version is
 * recomputed here from the run's JSON with this file's own code, in the order
 * the sentences state them.
 */
import { describe, expect, it } from 'vitest';
import type { RunOutput } from '../../../src/sim/contract';
import type { Settings } from '../../../src/sim/settings';
import { FEATURES } from '../../../src/sim/world/features';
import { CHAPTERS } from '../../../src/content/chapters';
import { settingsWith } from '../helpers';
import { cachedRun, chapter, date, datesUpTo, int, pct, pts, textOf, tokens } from './readBack';

const SEEDS = [1, 2, 3, 4, 5];
const settingsOf = (r: RunOutput) => r.config.settings;
/** The last day of data collection, read from the run. */
const lastCollection = (r: RunOutput) => r.days.filter((d) => d.phase === 'collection').length;

describe.each(SEEDS)('two ways to train, and the check before serving: seed %i', (seed) => {
  it('name the collection weeks, the schedule and the rows the static model trained on', async () => {
    const r = await cachedRun({ seed, days: 63 });
    const last = lastCollection(r);
    const first = r.days[0].date;
    const end = r.days[last - 1].date;
    expect(tokens(textOf('two-ways', r).all)).toEqual([
      date(first),
      date(end),
      int(settingsOf(r).windowDays),
    ]);
    expect(textOf('two-ways', r).all).toContain('every day');
    const job = r.days[last - 1].events.find((e) => e.model === 'static')!;
    expect(tokens(textOf('verify', r).all)).toEqual([
      date(end),
      job.rows.toLocaleString('en'),
      date(first),
      date(end),
    ]);
    expect(job.windowStart).toBe(first);
    expect(job.windowEnd).toBe(end);
  });
});

describe('two ways to train follows the settings', () => {
  it('a monthly cadence with late labels is said so', async () => {
    const r = await cachedRun({ seed: 1, days: 63, cadence: 'monthly', labelDelay: 7 });
    const t = textOf('two-ways', r).all;
    expect(t).toContain('at the end of every month');
    expect(tokens(t)).toEqual([
      date(r.days[0].date),
      date(r.days[lastCollection(r) - 1].date),
      '28',
      '7',
    ]);
  });
});

describe.each(SEEDS)('the Stable world, seed %i', (seed) => {
  it('both models’ yearly means, how far apart, and the jobs and examples each cost', async () => {
    const r = await cachedRun({ scenario: 'stable', seed });
    const serving = r.days.filter((d) => d.phase === 'serving');
    const m = (role: 'static' | 'dynamic') =>
      serving.reduce((sum, d) => sum + d[role]!.accuracy, 0) / serving.length;
    const last = serving[serving.length - 1];
    const t = textOf('still-world', r);
    expect(tokens(t.all)).toEqual([
      int(serving.length),
      pct(m('static')),
      pct(m('dynamic')),
      pts((m('static') - m('dynamic')) * 100),
      int(last.dynamic!.trainingRuns),
      int(last.static!.trainingRuns),
      (last.dynamic!.examplesProcessed / last.static!.examplesProcessed).toFixed(1),
    ]);
    expect(t.instead).toBeNull();
    // The ledger agrees with the summary the CLI prints.
    expect(last.dynamic!.trainingRuns).toBe(r.summary.dynamic.trainingRuns);
  });
});

describe.each(SEEDS)('a buggy training job, seed %i', (seed) => {
  it('the bug week, the versions the gate rejected, the one that kept serving and the next', async () => {
    const r = await cachedRun({ scenario: 'buggy-job', seed, days: 160 });
    const day = chapter('jobs').day!(settingsOf(r));
    const bad = r.days.slice(0, day).flatMap((d) =>
      d.events
        .filter((e) => e.model === 'dynamic' && e.corruptedLabels)
        .map((e) => ({
          day: d.day,
          date: d.date,
          version: e.version,
          job: d.dynamic!.jobs.find((j) => j.version === e.version)!,
        })),
    );
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.every((b) => b.job.status === 'rejected' && !b.job.promoted)).toBe(true);
    const first = bad[0];
    const lastBad = bad[bad.length - 1];
    const next = r.days
      .slice(lastBad.day, day)
      .flatMap((d) => d.dynamic!.jobs.filter((j) => j.promoted).map((j) => ({ d, j })))[0];
    const t = textOf('jobs', r);
    expect(tokens(t.all)).toEqual([
      date(first.date),
      date(lastBad.date),
      int(bad.length),
      int(bad.length),
      `v${first.version}`,
      `v${lastBad.version}`,
      `v${r.days[first.day - 1].dynamic!.servingVersion}`,
      `v${next.j.version}`,
      date(next.d.date),
    ]);
    expect(t.instead).toBeNull();
    expect(datesUpTo(t.all, r, day)).toBe(true);
  });
});

describe('a buggy job with the validation gate off', () => {
  it('says that the bad versions served', async () => {
    const r = await cachedRun({ scenario: 'buggy-job', seed: 1, days: 160, validationGate: false });
    const t = textOf('jobs', r);
    const served = r.days
      .slice(0, chapter('jobs').day!(settingsOf(r)))
      .flatMap((d) => d.dynamic?.jobs.filter((j) => j.promoted && j.status === 'rejected') ?? []);
    expect(served.length).toBeGreaterThan(0);
    expect(tokens(t.instead ?? '')).toEqual([int(served.length)]);
  });
});

describe.each(SEEDS)('an upstream outage, seed %i', (seed) => {
  it('its first day, both models before and on it, the monitor on day one, the data gate', async () => {
    const r = await cachedRun({ scenario: 'outage', seed, days: 135 });
    const day = chapter('inputs').day!(settingsOf(r));
    const first = r.days.find((d) => d.darkFeatures.length > 0)!;
    const before = r.days[first.day - 2];
    const feature = first.darkFeatures[0];
    const alerted = (role: string) =>
      first.drift!.alerts.some(
        (a) => a.model === role && a.kind === 'input' && a.feature === feature,
      );
    expect(alerted('static') && alerted('dynamic')).toBe(true);
    const index = FEATURES.findIndex((f) => f.id === feature);
    expect(index).toBeGreaterThanOrEqual(0);
    const job = r.days[day - 1].dynamic!.jobs.at(-1)!;
    const t = textOf('inputs', r);
    expect(tokens(t.all)).toEqual([
      date(first.date),
      pct(before.static!.accuracy),
      pct(first.static!.accuracy),
      pct(before.dynamic!.accuracy),
      pct(first.dynamic!.accuracy),
      first.drift!.static.day[index].psi.toFixed(2),
      first.drift!.dynamic.day[index].psi.toFixed(2),
      int(job.quarantined.length),
      `v${job.version}`,
    ]);
    expect(first.static!.accuracy).toBeLessThan(before.static!.accuracy);
    expect(first.dynamic!.accuracy).toBeLessThan(before.dynamic!.accuracy);
    expect(t.instead).toBeNull();
    expect(datesUpTo(t.all, r, day)).toBe(true);
  });
});

describe('the quizzes chapter', () => {
  it('states no number', () => {
    const quizzes = CHAPTERS.find((c) => c.id === 'quizzes')!;
    const t = quizzes.text({ settings: {} as Settings, days: [] })!;
    expect(tokens(t.sentences.join(' '))).toEqual([]);
  });
});

describe('runs the chapters cannot speak about say so, from the settings alone', () => {
  const say = (id: string, overrides: Partial<Settings>) => {
    const c = chapter(id);
    return c.text({ settings: settingsWith({ ...overrides, scenario: c.scenario }), days: [] })
      ?.instead;
  };

  it('too short for the bug week, the outage or the weeks after Valentine’s Day', () => {
    expect(say('jobs', { days: 100 })).toMatch(/ends before 5 Dec/);
    expect(say('inputs', { days: 100 })).toMatch(/ends before 11 Nov/);
    expect(say('way-back', { days: 232 })).toMatch(/ends less than 7 days after Valentine’s Day/);
    expect(say('valentine', { days: 200 })).toMatch(/ends before Valentine’s Day/);
  });

  it('a rush too soon after serving begins has no usual month to compare with', () => {
    for (const id of ['calm', 'valentine', 'what-changed', 'way-back']) {
      expect(say(id, { startDate: '2025-12-01' })).toMatch(/no usual month/);
    }
  });
});
