/**
 * The sentence under the chart while many worlds are shown
 * (src/ui/chart/manyWorldsText.ts), checked against seedRow/summariseSeeds of
 * real engine runs: its counts, medians and 10-90% ranges are the summary's,
 * worked out here again from the seeds' rows. Also the seeds it names and the
 * estimate's words.
 */
import { describe, expect, it } from 'vitest';
import { BAND, seedRow, type SeedRow, summariseSeeds } from '../../../src/sim/seeds';
import { runSeeds } from '../../../src/sim/seedRuns';
import { quantiles } from '../../../src/sim/eval/quantiles';
import { manySeedsResult, seedsFor } from '../../../src/store/manySeedsSlice';
import { estimateText, manyWorldsSentence, seedsText } from '../../../src/ui/chart/manyWorldsText';
import { settingsWith } from '../helpers';

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** What the sentence must say of one figure, worked out from the rows. */
function expected(rows: SeedRow[], pick: (r: SeedRow['static']) => number | null) {
  const figure = (role: 'static' | 'dynamic') => {
    const values = rows.map((r) => pick(r[role])).filter((v): v is number => v !== null);
    const [median, low, high] = quantiles(values, [0.5, BAND.low, BAND.high]);
    return { median, low, high };
  };
  const ahead = rows.filter((r) => {
    const s = pick(r.static);
    const d = pick(r.dynamic);
    return s !== null && d !== null && d > s;
  }).length;
  return { s: figure('static'), d: figure('dynamic'), ahead };
}

const rangeOf = (f: { low: number; high: number }) =>
  pct(f.low) === pct(f.high) ? pct(f.low) : `${pct(f.low).slice(0, -1)}-${pct(f.high)}`;

describe('the many-worlds sentence', () => {
  it('a run without Valentine’s Day: the mean accuracy over the run, on real runs of 4 seeds', async () => {
    const settings = settingsWith({ days: 90, seed: 7 });
    const runs = await runSeeds(settings, seedsFor(7, 4));
    const result = manySeedsResult(settings, runs);
    const rows = runs.map(seedRow);
    expect(result.summary).toEqual(summariseSeeds(rows));
    expect(result.summary.static.valentineWeek).toBeNull();
    const e = expected(rows, (r) => r.meanAccuracy);
    expect(manyWorldsSentence(result.summary)).toBe(
      `On ${e.ahead === 0 ? 'none' : e.ahead} of 4 seeds the dynamic model’s mean accuracy over the run ` +
        `${e.ahead === 0 ? 'never beat' : 'beat'} the static one’s ` +
        `(dynamic median ${pct(e.d.median)}, 10-90%: ${rangeOf(e.d)}; ` +
        `static median ${pct(e.s.median)}, 10-90%: ${rangeOf(e.s)}).`,
    );
    // The band: one day per serving day, the median inside its 10-90% range.
    expect(result.band.static).toHaveLength(runs[0].digest.static.accuracy.length);
    for (const d of result.band.dynamic) {
      expect(d.low).toBeLessThanOrEqual(d.median);
      expect(d.median).toBeLessThanOrEqual(d.high);
    }
  }, 120_000);

  it('a run through Valentine’s Day: the week before it, on real runs of 3 seeds', async () => {
    const settings = settingsWith({ days: 100, seed: 2, startDate: '2024-11-20' });
    const runs = await runSeeds(settings, seedsFor(2, 3));
    const { summary } = manySeedsResult(settings, runs);
    const rows = runs.map(seedRow);
    expect(summary.static.valentineWeek).not.toBeNull();
    const e = expected(rows, (r) => r.valentineWeek);
    const text = manyWorldsSentence(summary);
    expect(text).toContain(`of 3 seeds the dynamic model’s week before Valentine’s Day`);
    expect(text.startsWith(e.ahead === 0 ? 'On none of 3' : `On ${e.ahead} of 3`)).toBe(true);
    expect(text).toContain(`dynamic median ${pct(e.d.median)}, 10-90%: ${rangeOf(e.d)};`);
    expect(text).toContain(`static median ${pct(e.s.median)}, 10-90%: ${rangeOf(e.s)}).`);
  }, 120_000);
});

describe('the seeds and the estimate in words', () => {
  it('names the seed on screen and the ones after it', () => {
    expect(seedsFor(3, 10)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(seedsText({ seeds: seedsFor(3, 10) }, 3)).toBe(
      'seeds 3-12: the one on screen and the next 9',
    );
    const top = seedsFor(4294967295, 10);
    expect(top).toContain(4294967295);
    expect(seedsText({ seeds: top }, 4294967295)).toContain('the one on screen among them');
  });

  it('says nothing numeric without an estimate', () => {
    expect(estimateText(null)).toBeNull();
    expect(estimateText(12_400)).toBe('about 12 s');
    expect(estimateText(200_000)).toBe('about 3 min');
  });
});
