/**
 * The Valentine's chapters say what the engine's results say: for the
 * default settings on seeds 1-5, and for a monthly cadence and a 7-day label
 * delay (seed 1), each chapter's text is built from a real run and every
 * number, date and count in it is recomputed here from the run's JSON with
 * this file's own code (not src/sim/story), in the order the sentences state
 * them. Where the run breaks a chapter's claim, the chapter says so
 * (`instead`), and only then.
 */
import { describe, expect, it } from 'vitest';
import type { RunOutput } from '../../../src/sim/contract';
import type { Settings } from '../../../src/sim/settings';
import { lessonHints } from '../../../src/content/hints';
import {
  asRun,
  cachedRun,
  chapter,
  date,
  datesUpTo,
  dipOf,
  int,
  mean,
  PARTNER,
  pct,
  pts,
  rushOf,
  textOf,
  tokens,
} from './readBack';

// Through 28 Mar 2026: the way-back chapter's day (14 Feb + a 28-day window + 14).
const DAYS = 272;

/** The tokens the settings' "why it is slow" clause adds. */
const slowTokens = (s: Settings) => (s.labelDelay > 0 ? [int(s.labelDelay)] : []);

function checkCalm(r: RunOutput) {
  const { days } = r;
  const { from } = rushOf(days);
  const t = textOf('calm', r);
  const sU = mean(days, 'static', from - 31, from - 1);
  const dU = mean(days, 'dynamic', from - 31, from - 1);
  const apart = (sU - dU) * 100;
  const eve = days[from - 2];
  expect(tokens(t.all)).toEqual([
    date(days[from - 32].date),
    date(eve.date),
    pct(sU),
    pct(dU),
    pts(apart),
    int(eve.dynamic!.trainingRuns),
    int(eve.static!.trainingRuns),
  ]);
  expect(t.instead === null).toBe(Math.abs(apart) <= 2);
}

function checkValentine(r: RunOutput) {
  const { days } = r;
  const s = r.config.settings;
  const { holiday, from, iso } = rushOf(days);
  const day14 = int(Number(iso(holiday).slice(8)));
  const t = textOf('valentine', r);
  expect(tokens(t.all)).toEqual([date(iso(from)), int(holiday - from + 1), day14]);
  const dy = dipOf(days, 'dynamic', from, holiday);
  const back = dy.dip === null || dy.back !== null;
  expect(t.instead === null).toBe(back);
  if (t.instead) expect(tokens(t.instead)).toEqual([day14, ...slowTokens(s)]);

  // The guess's reveal: the static model's week against its 31 days, the dynamic model's dip.
  const predict = chapter('valentine').predict!;
  expect(predict.revealDay(s)).toBe(holiday);
  const st = dipOf(days, 'static', from, holiday);
  const week = mean(days, 'static', holiday - 7, holiday - 1);
  const lost = (st.usual - week) * 100;
  const outcome =
    dy.dip === null
      ? lost >= 5
        ? 'static-only'
        : 'same'
      : lost < 5
        ? 'other'
        : back
          ? 'both-back'
          : 'both-down';
  for (const option of predict.options) {
    const reveal = predict.reveal(asRun(r), option.id)!;
    expect(reveal.right).toBe(option.id === outcome);
    const dynamicPart =
      dy.dip === null
        ? ['3', pct(dy.floor), '5', pct(dy.usual)]
        : dy.back !== null
          ? [
              '3',
              pct(dy.floor),
              date(iso(dy.dip)),
              pct(dy.low),
              date(iso(dy.back)),
              int(dy.back - dy.dip),
            ]
          : ['3', pct(dy.floor), date(iso(dy.dip)), pct(dy.low), day14, ...slowTokens(s)];
    expect(tokens(reveal.text)).toEqual([
      pct(st.usual),
      '31',
      pct(week),
      date(iso(holiday - 7)),
      date(iso(holiday - 1)),
      pts(lost),
      ...dynamicPart,
      ...tokens(option.label),
    ]);
    expect(reveal.text).toContain(lost >= 5 ? 'fell by' : lost <= -5 ? 'rose by' : 'barely moved');
  }
  return { back, outcome };
}

function checkWhatChanged(r: RunOutput) {
  const { days } = r;
  const s = r.config.settings;
  const { holiday, from, iso } = rushOf(days);
  const t = textOf('what-changed', r);
  const on = days[holiday - 1].effects;
  const eve = days[from - 2].effects;
  const w = (x: number) => x.toFixed(1);
  let psi = { value: -1, day: 0 };
  for (let d = from; d <= holiday; d++) {
    for (const role of ['static', 'dynamic'] as const) {
      for (const reading of days[d - 1].drift![role].day) {
        if (reading.status !== 'stable' && reading.psi > psi.value)
          psi = { value: reading.psi, day: d };
      }
    }
  }
  expect(psi.day).toBeGreaterThan(0);
  expect(tokens(t.all)).toEqual([
    w(on.truth[PARTNER]!),
    date(iso(holiday)),
    w(eve.truth[PARTNER]!),
    date(iso(from - 1)),
    w(on.static![PARTNER]),
    w(eve.dynamic![PARTNER]),
    w(on.dynamic![PARTNER]),
    psi.value.toFixed(2),
    date(iso(psi.day)),
  ]);
  expect(t.all).toContain(
    on.dynamic![PARTNER] < on.truth[PARTNER]! - 1
      ? 'still well short of the truth'
      : 'close to the truth',
  );
  // The partner weight grows about fourfold while the static model's stays put.
  expect(on.truth[PARTNER]! / eve.truth[PARTNER]!).toBeGreaterThan(3);
  expect(on.static![PARTNER]).toBe(eve.static![PARTNER]);
  const learned = on.dynamic![PARTNER] - eve.dynamic![PARTNER] >= 0.5;
  expect(t.instead === null).toBe(learned);
  if (t.instead)
    expect(tokens(t.instead)).toEqual([int(Number(iso(holiday).slice(8))), ...slowTokens(s)]);
  return { learned };
}

function checkWayBack(r: RunOutput) {
  const { days } = r;
  const s = r.config.settings;
  const { holiday, iso } = rushOf(days);
  const last = chapter('way-back').day!(s);
  expect(last).toBe(Math.min(s.days, holiday + s.windowDays + 14));
  const t = textOf('way-back', r);
  const gap = (d: number) =>
    (mean(days, 'static', d - 6, d) - mean(days, 'dynamic', d - 6, d)) * 100;
  const day14 = int(Number(iso(holiday).slice(8)));
  const trails = gap(holiday + 7) > 1;
  expect(t.instead === null).toBe(trails);
  if (!trails) {
    expect(tokens(t.all)).toEqual(['7', day14, '1']);
    return { trails, until: null };
  }
  let until: number | null = null;
  let max = gap(holiday + 7);
  for (let d = holiday + 8; d <= last; d++) {
    if (gap(d) <= 1) {
      until = d - 1;
      break;
    }
    max = Math.max(max, gap(d));
  }
  const range =
    until === null ? [date(iso(holiday + 1))] : [date(iso(holiday + 1)), date(iso(until))];
  expect(tokens(t.all)).toEqual([
    '7',
    day14,
    pct(mean(days, 'static', holiday + 1, holiday + 7)),
    pct(mean(days, 'dynamic', holiday + 1, holiday + 7)),
    '7',
    ...range,
    '1',
    pts(max),
    int(s.windowDays),
    '7',
  ]);
  return { trails, until, max };
}

describe.each([1, 2, 3, 4, 5])('Valentine’s chapters, default settings, seed %i', (seed) => {
  const get = () => cachedRun({ seed, days: DAYS });

  it('calm: both January means, apart by so little, and the jobs it took', async () => {
    checkCalm(await get());
  });

  it('valentine: the rush from the world, and a reveal that states both models’ numbers', async () => {
    const { back, outcome } = checkValentine(await get());
    // The lesson's settings bear the lesson out: static falls, dynamic dips and comes back.
    expect(back).toBe(true);
    expect(outcome).toBe('both-back');
  });

  it('what changed: the partner weight, true and learned, against the inputs’ largest shift', async () => {
    expect(checkWhatChanged(await get()).learned).toBe(true);
  });

  it('names no day after the one on screen (the reveal: none after the day it shows)', async () => {
    const r = await get();
    const s = r.config.settings;
    for (const id of ['calm', 'what-changed', 'way-back']) {
      expect(datesUpTo(textOf(id, r).all, r, chapter(id).day!(s))).toBe(true);
    }
    const predict = chapter('valentine').predict!;
    expect(datesUpTo(predict.reveal(asRun(r), 'same')!.text, r, predict.revealDay(s))).toBe(true);
  });

  it('the way back: the dynamic model trails after the holiday, from when to when, by how much', async () => {
    const lag = checkWayBack(await get());
    expect(lag.trails).toBe(true);
    expect(lag.until).not.toBeNull();
  });
});

describe.each([
  ['monthly cadence', { cadence: 'monthly' as const }],
  ['7-day label delay', { labelDelay: 7 }],
])(
  'Valentine’s chapters with a %s (seed 1): the chapters that would be wrong say so',
  (_, overrides) => {
    const get = () => cachedRun({ seed: 1, days: DAYS, ...overrides });

    it('the numbers still match the run, and the claims that break have an instead', async () => {
      const r = await get();
      checkCalm(r);
      const { back } = checkValentine(r);
      const { learned } = checkWhatChanged(r);
      const lag = checkWayBack(r);
      // Measured, not assumed: neither setting lets the dynamic model back before the 14th.
      expect(back).toBe(false);
      expect(learned).toBe(false);
      if ('cadence' in overrides) expect(lag.trails).toBe(false);
      if ('cadence' in overrides) {
        // The status line's hint for a monthly cadence says what this run shows: no job in the rush.
        const { holiday, from, iso } = rushOf(r.days);
        const versions = new Set(
          r.days.slice(from - 1, holiday).map((d) => d.dynamic!.servingVersion),
        );
        expect(versions.size).toBe(1);
        const hint = lessonHints(r.config.settings).find((h) => h.includes('end of each month'));
        expect(tokens(hint ?? '')).toEqual([
          date(iso(holiday)),
          date(iso(from - 1)),
          date(iso(from)),
        ]);
      } else {
        const hint = lessonHints(r.config.settings).find((h) => h.startsWith('Labels arrive'));
        const { holiday, from } = rushOf(r.days);
        expect(tokens(hint ?? '')).toEqual(['7', '7', '7', int(holiday - from + 1)]);
      }
      expect(textOf('valentine', r).instead).toMatch(
        'cadence' in overrides ? /end of every month/ : /7 days after the visit/,
      );
    });
  },
);

describe('a run that ends before Valentine’s Day', () => {
  it('says so instead of a number', async () => {
    const r = await cachedRun({ seed: 1, days: 200 });
    for (const id of ['calm', 'valentine', 'what-changed', 'way-back']) {
      expect(textOf(id, r).instead).toMatch(/ends before Valentine’s Day/);
    }
  });
});
