/**
 * The quiz's lab moments show their claims: each option's day, in a default
 * run of its scenario (the settings the link opens), is checked against the
 * engine's results with this test's own arithmetic, and each link names the
 * view and the evidence it points at.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { QUIZ_DAYS, QUIZZES, type QuizOption } from '../../src/content/quiz';
import type { DayResult, ModelRole, RunOutput } from '../../src/sim/contract';
import { defaultSettings } from '../../src/sim/settings';
import { recovery } from '../../src/sim/story/facts';
import { firstRush } from '../../src/sim/story/rush';
import { FEATURES } from '../../src/sim/world/features';
import { SCENARIOS } from '../../src/sim/world/scenarios';
import { run } from './helpers';

const option = (id: string): QuizOption => {
  const found = QUIZZES.flatMap((q) => q.options).find((o) => o.id === id);
  if (!found) throw new Error(id);
  return found;
};

/** The run a link opens: the defaults, its scenario and settings. */
const runOf = (o: QuizOption): Promise<RunOutput> =>
  run({ ...o.lab.settings, scenario: o.lab.scenario });

const at = (out: RunOutput, day: number): DayResult => {
  const d = out.days[day - 1];
  if (!d || d.day !== day) throw new Error(`day ${day} missing`);
  return d;
};

/** Mean accuracy of a model over days from..to, computed here. */
function mean(out: RunOutput, role: ModelRole, from: number, to: number): number {
  let sum = 0;
  for (let day = from; day <= to; day++) {
    const m = at(out, day)[role];
    if (!m) throw new Error(`${role} not serving on day ${day}`);
    sum += m.accuracy;
  }
  return sum / (to - from + 1);
}

const threeDay = (out: RunOutput, role: ModelRole, day: number) => mean(out, role, day - 2, day);
const PARTNER = FEATURES.findIndex((f) => f.id === 'hasPartner');

describe('every quiz link names its view and its evidence', () => {
  it.each(QUIZZES.flatMap((q) => q.options))('$id', (o) => {
    expect(o.lab.view).toBeDefined();
    expect(o.lab.spotlight).toMatch(/\[data-evidence="[a-z-]+"\]$/);
    // The label names the day it opens.
    expect(o.lab.label).toMatch(/\d{1,2} [A-Z][a-z]{2}/);
    expect(o.lab.day).toBeLessThanOrEqual(defaultSettings().days);
  });
});

describe('the moments, against the engine (default seed)', () => {
  let valentine: RunOutput;
  beforeAll(async () => {
    valentine = await runOf(option('B1'));
  }, 120_000);

  it('A1: on Valentine’s Day the static model’s “has a partner” is still its summer value, far from the truth', () => {
    const o = option('A1');
    expect(o.lab).toMatchObject({ scenario: 'valentine', day: QUIZ_DAYS.valentinesDay });
    const day = at(valentine, o.lab.day);
    expect(day.holiday).toBe('valentine');
    const learned = day.effects.static![PARTNER];
    const firstServing = at(valentine, valentine.config.collectionDays + 1).effects.static!;
    expect(learned).toBe(firstServing[PARTNER]); // never retrained
    expect(day.effects.truth[PARTNER]! - learned).toBeGreaterThan(4);
  });

  it('A2: on its day version 1 is trained and validated, and nothing serves yet', () => {
    const o = option('A2');
    expect(o.lab.day).toBe(valentine.config.collectionDays);
    const day = at(valentine, o.lab.day);
    expect(day.static).toBeNull();
    expect(day.effects.static).not.toBeNull();
    expect(valentine.summary.static.validationRows).toBeGreaterThan(0);
    expect(at(valentine, o.lab.day + 1).static?.servingVersion).toBe(1);
  });

  it('B1: the dynamic model is back from its dip on its day; the static one is still down, far below it', () => {
    const o = option('B1');
    expect(o.lab).toMatchObject({ scenario: 'valentine', day: QUIZ_DAYS.dynamicBack });
    const rush = firstRush(valentine.config.settings)!;
    const rushFrom = rush.from;
    const usual = (role: ModelRole) => mean(valentine, role, rushFrom - 31, rushFrom - 1);
    // Dynamic: dipped (3-day mean more than 5 points under its usual) and back within 5 on this day, not before.
    let dipped = false;
    let back: number | null = null;
    for (let day = rushFrom; day <= o.lab.day && back === null; day++) {
      const below = threeDay(valentine, 'dynamic', day) < usual('dynamic') - 0.05;
      if (!dipped) dipped = below;
      else if (!below) back = day;
    }
    expect(dipped).toBe(true);
    expect(back).toBe(o.lab.day);
    expect(recovery(valentine.days, valentine.config.settings, 'dynamic')?.backOn).toBe(o.lab.day);
    // Static: still more than 5 points under its own usual level.
    expect(threeDay(valentine, 'static', o.lab.day)).toBeLessThan(usual('static') - 0.05);
    // On screen: the dynamic line's 3-day mean is far above the static one's.
    const gap =
      threeDay(valentine, 'dynamic', o.lab.day) - threeDay(valentine, 'static', o.lab.day);
    expect(gap).toBeGreaterThan(0.15);
    // And the day is before the holiday: the rush is still on.
    expect(o.lab.day).toBeLessThan(rush.day);
  });

  it('A3: on the last day of the stable world the ledger holds one static run against hundreds', async () => {
    const o = option('A3');
    const out = await runOf(o);
    expect(o.lab.day).toBe(out.days.length);
    const day = at(out, o.lab.day);
    expect(day.static?.trainingRuns).toBe(1);
    expect(day.dynamic!.trainingRuns).toBeGreaterThanOrEqual(200);
  }, 120_000);

  it('A4: in the seasons world the static model’s inputs have a feature at “major”, the dynamic model’s none', async () => {
    const o = option('A4');
    const out = await runOf(o);
    const drift = at(out, o.lab.day).drift!;
    // Features judged by the day itself (not the ones that take one value a day, whose status rules differ).
    const perDay = FEATURES.flatMap((f, j) => (f.constantWithinDay ? [] : [j]));
    expect(perDay.some((j) => drift.static.day[j].status === 'major')).toBe(true);
    expect(perDay.every((j) => drift.dynamic.day[j].status === 'stable')).toBe(true);
    expect(at(out, o.lab.day).dynamic!.accuracy).toBeGreaterThan(
      at(out, o.lab.day).static!.accuracy,
    );
  }, 120_000);

  it('B2: with the gate off, a version that failed its check serves on its day, and the dynamic line is far down', async () => {
    const o = option('B2');
    const out = await runOf(o);
    const day = at(out, o.lab.day);
    const serving = day.dynamic!.servingVersion;
    const job = out.days.flatMap((d) => d.dynamic?.jobs ?? []).find((j) => j.version === serving);
    expect(job).toMatchObject({ status: 'rejected', promoted: true, corruptedLabels: true });
    expect(day.static!.accuracy - day.dynamic!.accuracy).toBeGreaterThan(0.3);
  }, 120_000);

  it('B3: a few days into the outage the source is dark and both models are under their usual level', async () => {
    const o = option('B3');
    const out = await runOf(o);
    const fault = SCENARIOS.outage.outage!;
    expect(o.lab.day).toBeGreaterThanOrEqual(fault.fromDay + 2);
    for (let day = fault.fromDay; day <= o.lab.day; day++) {
      expect(at(out, day).darkFeatures).toEqual([fault.feature]);
    }
    for (const role of ['static', 'dynamic'] as const) {
      const usual = mean(out, role, fault.fromDay - 31, fault.fromDay - 1);
      expect(threeDay(out, role, o.lab.day)).toBeLessThan(usual - 0.05);
    }
  }, 120_000);
});
