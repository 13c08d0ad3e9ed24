/**
 * A value that follows its source at most every `ms` while `busy` (and at
 * once when not), so panels below the chart redraw a few times a second
 * while a year runs instead of on every batch.
 *
 * Owns: the timing of that catching up, and `useCalmDays` for the panels.
 * Must not touch: the values themselves.
 */
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import type { DayResult } from '../../sim/contract';
import { useLab } from '../storeContext';

export function useThrottled<T>(value: T, busy: boolean, ms = 500): T {
  const [shown, setShown] = useState(value);
  const [wasBusy, setWasBusy] = useState(busy);
  const last = useRef(0);
  // A busy spell starts from the value of its first render (set during that
  // render, so the stale one is never shown). While calm the value is returned
  // as it is and nothing else happens: no catching up, no extra render per change.
  if (busy !== wasBusy) {
    setWasBusy(busy);
    if (busy) setShown(value);
  }
  useEffect(() => {
    if (!busy) return;
    const wait = Math.max(0, last.current + ms - performance.now());
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, busy, ms]);
  return busy ? shown : value;
}

/**
 * The day results and the day on screen for a panel below the chart: redrawn
 * at most twice a second while a year runs (useThrottled) and in
 * interruptible slices (useDeferredValue); `view` never passes the days held.
 */
export function useCalmDays(): { days: DayResult[]; view: number } {
  const busy = useLab((s) => s.status !== 'paused');
  const days = useDeferredValue(
    useThrottled(
      useLab((s) => s.days),
      busy,
    ),
  );
  const view = useDeferredValue(
    useThrottled(
      useLab((s) => s.view),
      busy,
    ),
  );
  return { days, view: Math.min(view, days.length) };
}
