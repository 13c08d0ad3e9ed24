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
  // The whole settings object: its world (scenario and knobs), first day and length; a new
  // object only when a setting changes.
  const shape = useLab((s) => s.settings);
  const rush = useMemo(() => rushBand(shape), [shape]);
  const callouts = useMemo(() => storyCallouts(days, shape, view), [days, shape, view]);
  return { rush, callouts };
}
