/**
 * The accuracy chart's and the data table's inputs, selected from the store
 * once per change: the days up to the one on screen (redrawn calmly while a
 * long run streams in), the lines shown, their rows, and the notes per day.
 *
 * Owns: selecting and memoising. Must not touch: the numbers themselves
 * (chartData.ts computes them) or drawing.
 */
import { useDeferredValue, useMemo } from 'react';
import { useThrottled } from '../common/useThrottled';
import { useLab } from '../storeContext';
import { chartRows, holidayMarks, LONG_RUN_DAYS, type SeriesKey } from './chartData';

/** While a long run streams in, the chart redraws at most this often. */
const LONG_RUN_FRAME_MS = 250;

export function useChartData() {
  const lastDay = useLab((s) => s.settings.days);
  // A run of years redraws at most four times a second while it streams in:
  // each redraw goes over every day, and a frame then adds only a few pixels.
  const calm = useLab((s) => s.status !== 'paused') && lastDay > LONG_RUN_DAYS;
  // Deferred: while days stream in, React draws the chart in interruptible
  // slices and skips frames it cannot finish, instead of blocking the page.
  const days = useDeferredValue(
    useThrottled(
      useLab((s) => s.days),
      calm,
      LONG_RUN_FRAME_MS,
    ),
  );
  const view = useDeferredValue(
    useThrottled(
      useLab((s) => s.view),
      calm,
      LONG_RUN_FRAME_MS,
    ),
  );
  const start = useLab((s) => s.settings.startDate);
  const rolling = useLab((s) => s.display.rolling);
  const showOracle = useLab((s) => s.display.showOracle);
  const showBaseline = useLab((s) => s.display.showBaseline);
  const series = useMemo(() => {
    const keys: SeriesKey[] = ['static', 'dynamic'];
    if (showOracle) keys.push('oracle');
    if (showBaseline) keys.push('baseline');
    return keys;
  }, [showOracle, showBaseline]);
  const rows = useMemo(() => chartRows(days, view, rolling), [days, view, rolling]);
  const holidays = useMemo(() => holidayMarks(start, lastDay), [start, lastDay]);
  return { days, view, start, lastDay, rolling, series, rows, holidays };
}

export type ChartData = ReturnType<typeof useChartData>;

/** The table's notes per day: the holiday, version 1's training, each job's outcome, dark sources. */
export function useDayNotes({ days, view, holidays }: ChartData): Map<number, string> {
  return useMemo(() => {
    const map = new Map<number, string>();
    for (const h of holidays) if (h.day <= view) map.set(h.day, h.label);
    for (const d of days.slice(0, view)) {
      const jobs = d.events.map((e) =>
        e.parentVersion === null
          ? `${e.model} version 1 trained`
          : `dynamic v${e.version} ${e.released ? 'serves' : 'not promoted'}`,
      );
      if (d.darkFeatures.length > 0) jobs.push(`source dark: ${d.darkFeatures.join(', ')}`);
      if (jobs.length > 0) map.set(d.day, [map.get(d.day), ...jobs].filter(Boolean).join('; '));
    }
    return map;
  }, [days, view, holidays]);
}
