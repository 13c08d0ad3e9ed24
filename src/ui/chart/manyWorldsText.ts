/**
 * The words of many worlds: the sentence under the chart while a many-seed
 * result is shown, the legend's name for the band, the seeds it ran and the
 * estimate of its time. Every number comes from the result's summary
 * (src/sim/seeds.ts summariseSeeds, through the store).
 *
 * Owns: these strings. Must not touch: the statistics or the store.
 */
import type { ManySeedsResult, SeedSummary } from '../../store/manySeedsSlice';

const pct = (value: number) => `${Math.round(value * 100)}%`;

/** "54-56%", or "55%" when both ends round alike. */
function range(low: number, high: number): string {
  const a = pct(low);
  const b = pct(high);
  return a === b ? a : `${a.slice(0, -1)}-${b}`;
}

/**
 * One sentence over the seeds: on how many of them the dynamic model beat the
 * static one in the week before the run's first Valentine's Day (over the
 * whole run when the run has none), with both medians and 10-90% ranges.
 */
export function manyWorldsSentence(summary: SeedSummary): string {
  const week = summary.static.valentineWeek && summary.dynamic.valentineWeek;
  const figure = week ? 'valentineWeek' : 'meanAccuracy';
  const what = week ? 'week before Valentine’s Day' : 'mean accuracy over the run';
  const s = summary.static[figure];
  const d = summary.dynamic[figure];
  if (!s || !d) return `${summary.seeds} seeds ran, but none served a day.`;
  const ahead = summary.dynamicAhead[figure];
  const verb = ahead === 0 ? 'never beat' : 'beat';
  const count = ahead === 0 ? `On none of ${d.n} seeds` : `On ${ahead} of ${d.n} seeds`;
  return (
    `${count} the dynamic model’s ${what} ${verb} the static one’s ` +
    `(dynamic median ${pct(d.median)}, 10-90%: ${range(d.low, d.high)}; ` +
    `static median ${pct(s.median)}, 10-90%: ${range(s.low, s.high)}).`
  );
}

/** The legend's words for the band. */
export const bandLegend = (seeds: number) => `Median and 10-90% of ${seeds} seeds`;

/** Which seeds ran: "seeds 3-12 (the one on screen and the next 9)". */
export function seedsText(result: Pick<ManySeedsResult, 'seeds'>, seedOnScreen: number): string {
  const { seeds } = result;
  const first = seeds[0];
  const last = seeds[seeds.length - 1];
  return first === seedOnScreen
    ? `seeds ${first}-${last}: the one on screen and the next ${seeds.length - 1}`
    : `seeds ${first}-${last}, the one on screen among them`;
}

/** "about 40 s" / "about 3 min" for an estimate in ms; null says nothing numeric. */
export function estimateText(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms)) return null;
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 90 ? `about ${s} s` : `about ${Math.round(s / 60)} min`;
}

/** The progress line: "7.5 of 10 seeds done…". */
export function seedsProgressText(progress: { done: number; total: number }): string {
  if (progress.done >= progress.total) return 'Finishing…';
  return `${Math.floor(progress.done)} of ${progress.total} seeds done…`;
}
