/**
 * The chart's callouts and the rush band for the run on screen, from the
 * store, recomputed only when the days, the day on screen or the run's shape
 * change.
 *
 * Owns: selecting and memoising. Must not touch: the words (callouts.ts).
 */
import { useMemo } from 'react';
import type { DayResult } from '../../sim/contract';
import { useLab } from '../storeContext';
import { rushBand, storyCallouts } from './callouts';

export function useCallouts(days: readonly DayResult[], view: number) {
  const scenario = useLab((s) => s.settings.scenario);
  const startDate = useLab((s) => s.settings.startDate);
  const lastDay = useLab((s) => s.settings.days);
  const shape = useMemo(
    () => ({ scenario, startDate, days: lastDay }),
    [scenario, startDate, lastDay],
  );
  const rush = useMemo(() => rushBand(shape), [shape]);
  const callouts = useMemo(() => storyCallouts(days, shape, view), [days, shape, view]);
  return { rush, callouts };
}
