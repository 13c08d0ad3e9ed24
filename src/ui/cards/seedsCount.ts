/**
 * The headline's "on 9 of 10 seeds": with a finished many-worlds result for
 * the settings on screen (the seed aside), on how many of its seeds the worst
 * 7 days so far share a day with the worst 7 days on screen. A result for
 * other settings is never counted (src/sim/story/seedCounts.ts runsFor).
 *
 * Owns: the hook and its words. Must not touch: the count's rule
 * (seedCounts.ts worstWeekCount), the headline's own derivations.
 */
import { useMemo } from 'react';
import type { ModelRole } from '../../sim/contract';
import { runsFor, type SeedCount, worstWeekCount } from '../../sim/story/seedCounts';
import { useCalmDays } from '../common/useThrottled';
import { useLab } from '../storeContext';
import type { WorstWeek } from './headline';

/** "(on 9 of 10 seeds)", under the worst week's dates: short, so the headline grows by one line. */
export const worstWeekSeedsText = ({ holds, of }: SeedCount): string =>
  `(on ${holds === 0 ? 'none' : holds} of ${of} seeds)`;

/** What it means, for the line's tooltip. */
export const worstWeekSeedsTitle = ({ holds, of }: SeedCount): string =>
  `Many worlds: on ${holds === 0 ? 'none' : holds} of the ${of} seeds, the worst 7 days so far share a day with these.`;

/** The words for `worst` over the many-worlds result, or null without one for these settings. */
export function useWorstWeekSeeds(
  role: ModelRole,
  worst: WorstWeek | null,
): { text: string; title: string } | null {
  const runs = useLab((s) => runsFor(s.seedsResult, s.settings));
  const { view } = useCalmDays();
  return useMemo(() => {
    if (!runs || !worst) return null;
    const count = worstWeekCount(runs, role, view, worst);
    return count && { text: worstWeekSeedsText(count), title: worstWeekSeedsTitle(count) };
  }, [runs, worst, role, view]);
}
