/**
 * Many worlds (src/sim/seeds.ts, seedRuns.ts): the list of seeds, each
 * seed's row, the summary and the band, checked against real engine runs and
 * against numbers the test works out itself.
 */
import { describe, expect, it } from 'vitest';
import { runDigested } from '../../../src/sim/compare';
import {
  needsMonitor,
  parseSeedList,
  seedBand,
  seedRow,
  summariseSeeds,
  type SeedRun,
} from '../../../src/sim/seeds';
import { runSeeds } from '../../../src/sim/seedRuns';
import type { RunOutput } from '../../../src/sim/contract';
import { runSimulation } from '../../../src/sim/run';
import { settingsWith, withoutTimings } from '../helpers';

/** Sorted-sample quantile the textbook way (type 7), for checking. */
function type7(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  return s[Math.floor(h)] + (h - Math.floor(h)) * (s[Math.ceil(h)] - s[Math.floor(h)]);
}

describe('parseSeedList', () => {
  it('reads ranges and lists', () => {
    expect(parseSeedList('1-5')).toEqual({ seeds: [1, 2, 3, 4, 5] });
    expect(parseSeedList('3, 9,4-5')).toEqual({ seeds: [3, 9, 4, 5] });
    expect(parseSeedList('0')).toEqual({ seeds: [0] });
  });

  it('names what is wrong', () => {
    for (const [text, words] of [
      ['5-1', 'goes up'],
      ['1-51', 'at most 50'],
      ['1,2,1', 'listed twice'],
      ['a', 'looks like'],
      ['1-', 'looks like'],
      ['-1', 'looks like'],
      ['4294967296', 'from 0 to'],
      ['', 'looks like'],
    ] as const) {
      const result = parseSeedList(text);
      expect('error' in result && result.error).toContain(words);
    }
  });
});

describe('seed runs', () => {
  const settings = settingsWith({ days: 100 });

  it('give each seed the figures of its own full run, whatever the order, with the monitor and effects off', async () => {
    const forward = await runSeeds(settings, [1, 2]);
    const backward = await runSeeds(settings, [2, 1]);
    expect(needsMonitor(settings)).toBe(false);
    expect(forward.map(seedRow)).toEqual([...backward].reverse().map(seedRow));
    const full = await runDigested({ ...settings, seed: 2 });
    expect(forward[1].digest.static.accuracy).toEqual(full.digest.static.accuracy);
    expect(forward[1].digest.dynamic.accuracy).toEqual(full.digest.dynamic.accuracy);
    expect(forward[1].digest.dynamic.ledger.trainingRuns).toBe(full.summary.dynamic.trainingRuns);
    // Without the monitor and the daily effects, the whole digest is the full run's (timings aside).
    expect(withoutTimings(forward[1].digest)).toEqual(withoutTimings(full.digest));
    // Two seeds are two worlds.
    expect(forward[0].digest.static.accuracy).not.toEqual(forward[1].digest.static.accuracy);
  }, 120_000);

  it("leave an MLP's job records without effects, and every other figure as in the full run", async () => {
    const mlp = settingsWith({ days: 80, model: 'mlp' });
    const full = await runSimulation(mlp, { prefer: 'wasm' });
    const reduced = await runSimulation(mlp, { prefer: 'wasm', effects: false });
    const jobs = (out: RunOutput) => out.days.flatMap((d) => d.dynamic?.jobs ?? []);
    expect(jobs(full).length).toBeGreaterThan(5);
    expect(jobs(full).every((j) => j.status === 'failed' || j.effects.length > 0)).toBe(true);
    expect(jobs(reduced).every((j) => j.effects.length === 0)).toBe(true);
    // Everything but the effects (and timings) is the same.
    const strip = (out: RunOutput) =>
      withoutTimings(
        out.days.map((d) => ({
          ...d,
          effects: null,
          dynamic: d.dynamic && {
            ...d.dynamic,
            jobs: d.dynamic.jobs.map((j) => ({ ...j, effects: null })),
          },
        })),
      );
    expect(strip(reduced)).toEqual(strip(full));
    expect(withoutTimings(reduced.summary)).toEqual(withoutTimings(full.summary));
  }, 120_000);

  it('keep the monitor when the cadence retrains on its alarms', () => {
    expect(needsMonitor(settingsWith({ cadence: 'alarm' }))).toBe(true);
  });
});

/** A made-up run whose accuracy on serving day i is `f(i)`. */
function fakeRun(
  seed: number,
  f: (i: number) => number,
  valentine: [number, number] | null,
): SeedRun {
  const accuracy = Array.from({ length: 20 }, (_, i) => f(i));
  const ledger = { trainingRuns: 1 } as SeedRun['digest']['static']['ledger'];
  return {
    seed,
    digest: {
      firstServingDay: 63,
      dates: [],
      static: { accuracy, ledger },
      dynamic: {
        accuracy: accuracy.map((a) => a + 0.01 * (seed % 3) - 0.01),
        ledger: { ...ledger, trainingRuns: 20 },
      },
      totalMs: 0,
    },
    summary: {
      valentineWeeks: valentine
        ? [
            {
              label: 'w',
              from: '2026-02-07',
              to: '2026-02-13',
              static: valentine[0],
              dynamic: valentine[1],
              oracle: 0.9,
            },
          ]
        : [],
    },
  };
}

describe('summary and band', () => {
  const runs = Array.from({ length: 10 }, (_, k) =>
    fakeRun(
      k + 1,
      (i) => 0.7 + 0.01 * ((i * 7 + k * 3) % 5) + 0.001 * k,
      k < 8 ? [0.5 + 0.01 * k, 0.6] : null,
    ),
  );

  it('is the median and the 10–90% spread of each seed’s figure, and counts the seeds the dynamic model led', () => {
    const rows = runs.map(seedRow);
    const summary = summariseSeeds(rows);
    const means = rows.map((r) => r.static.meanAccuracy);
    expect(summary.static.meanAccuracy?.median).toBeCloseTo(type7(means, 0.5), 12);
    expect(summary.static.meanAccuracy?.low).toBeCloseTo(type7(means, 0.1), 12);
    expect(summary.static.meanAccuracy?.high).toBeCloseTo(type7(means, 0.9), 12);
    // Two runs have no Valentine's week: left out, not counted as zero.
    expect(summary.static.valentineWeek?.n).toBe(8);
    expect(summary.static.valentineWeek?.median).toBeCloseTo(
      type7(
        [0, 1, 2, 3, 4, 5, 6, 7].map((k) => 0.5 + 0.01 * k),
        0.5,
      ),
      12,
    );
    // dynamic = static + 0.01 * (seed % 3) - 0.01: ahead when seed % 3 === 2 (seeds 2, 5, 8).
    expect(summary.dynamicAhead.meanAccuracy).toBe(3);
    // Its week before the 14th (0.6) beats the static one (0.50 to 0.57) on all 8 seeds that have one.
    expect(summary.dynamicAhead.valentineWeek).toBe(8);
  });

  it('draws, per serving day, the median and the 10–90% band over the seeds', () => {
    const band = seedBand(runs, 'static');
    expect(band).toHaveLength(20);
    expect(band[0].day).toBe(63);
    for (const [i, b] of band.entries()) {
      const values = runs.map((r) => r.digest.static.accuracy[i]);
      expect(b.median).toBeCloseTo(type7(values, 0.5), 12);
      expect(b.low).toBeCloseTo(type7(values, 0.1), 12);
      expect(b.high).toBeCloseTo(type7(values, 0.9), 12);
      expect(b.low).toBeLessThanOrEqual(b.median);
      expect(b.median).toBeLessThanOrEqual(b.high);
    }
    expect(() =>
      seedBand(
        [runs[0], { ...runs[1], digest: { ...runs[1].digest, firstServingDay: 64 } }],
        'static',
      ),
    ).toThrow(/other days/);
  });
});
