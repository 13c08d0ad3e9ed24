/**
 * The moments of a run worth stopping on, in day order: a holiday rush
 * begins, the drift monitor raises an alert, an upstream source goes dark, a
 * training job is rejected or fails, the serving version is rolled back. The
 * timeline's "next event" step and the chart's callouts read this one list.
 *
 * Owns: which days count as events and their short, computed labels.
 * Must not touch: wording beyond a label of a few words (src/content), the
 * chart's placement (src/ui/chart/annotations.ts).
 */
import type { DayResult } from '../contract';
import { holidayRushes, type RunShape } from './rush';

export type StoryEventKind = 'rush' | 'drift-alert' | 'outage' | 'rejected' | 'failed' | 'rollback';

export interface StoryEvent {
  /** 1-based run day on which it happens (a job's or a rollback's: the day it ran at the end of). */
  day: number;
  kind: StoryEventKind;
  /** A few words: "Valentine’s rush begins", "inputs drifted: static", "gate blocks v90". */
  label: string;
}

const HOLIDAY_NAME = {
  valentine: 'Valentine’s',
  mothersDay: 'Mother’s Day',
  christmas: 'Christmas',
} as const;

/** Sort order within a day: what happens to the world first, then what people and jobs do. */
const ORDER: Record<StoryEventKind, number> = {
  rush: 0,
  outage: 1,
  'drift-alert': 2,
  rejected: 3,
  failed: 4,
  rollback: 5,
};

/**
 * The events of a run. Rushes come from the world (known for every day of the
 * run before it is computed); the rest from the days computed so far.
 */
export function storyEvents(days: readonly DayResult[], settings: RunShape): StoryEvent[] {
  const events: StoryEvent[] = [];
  for (const rush of holidayRushes(settings)) {
    events.push({
      day: rush.from,
      kind: 'rush',
      label: `${HOLIDAY_NAME[rush.holiday]} rush begins`,
    });
  }
  let darkBefore = new Set<string>();
  for (const d of days) {
    const newlyDark = d.darkFeatures.filter((f) => !darkBefore.has(f));
    if (newlyDark.length > 0) {
      events.push({ day: d.day, kind: 'outage', label: `source dark: ${newlyDark.join(', ')}` });
    }
    darkBefore = new Set(d.darkFeatures);
    const alerts = d.drift?.alerts ?? [];
    if (alerts.length > 0) {
      // The chart draws the two kinds apart (a triangle: inputs drifted; a dot: errors rose).
      const models = (inputs: boolean) =>
        [...new Set(alerts.filter((a) => (a.kind === 'input') === inputs).map((a) => a.model))]
          .sort()
          .reverse()
          .join(' and ');
      const parts = [
        models(true) && `inputs drifted: ${models(true)}`,
        models(false) && `errors rose: ${models(false)}`,
      ].filter(Boolean);
      events.push({ day: d.day, kind: 'drift-alert', label: parts.join('; ') });
    }
    for (const job of d.dynamic?.jobs ?? []) {
      if (job.status === 'rejected') {
        // With the validation gate off, a version that fails its checks serves anyway.
        const label = job.promoted
          ? `v${job.version} fails its check but serves (gate off)`
          : `gate blocks v${job.version}`;
        events.push({ day: d.day, kind: 'rejected', label });
      } else if (job.status === 'failed') {
        events.push({ day: d.day, kind: 'failed', label: `job v${job.version} failed` });
      }
    }
    for (const entry of d.audit) {
      if (entry.action === 'rollback' && entry.to !== null) {
        events.push({ day: d.day, kind: 'rollback', label: `rollback to v${entry.to}` });
      }
    }
  }
  return events.sort((a, b) => a.day - b.day || ORDER[a.kind] - ORDER[b.kind]);
}

/** The first event strictly after `day`, or null. */
export function nextEvent(events: readonly StoryEvent[], day: number): StoryEvent | null {
  return events.find((e) => e.day > day) ?? null;
}
