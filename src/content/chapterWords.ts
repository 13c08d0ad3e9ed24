/**
 * The shared pieces of the chapters' sentences: how a number, a date and the
 * settings on screen are said, so every chapter says them the same way and
 * the unit tests can read them back.
 *
 * Owns: number and date formats of the chapters, and the short phrases that
 * name a setting's effect. Must not touch: the rules (src/sim/story), the
 * chapters' sentences themselves (chapters.ts, chapterText.ts).
 */
import { SETTINGS_TABLE, type Settings } from '../sim/settings';
import { dateOfDay, formatDate } from '../sim/world/calendar';
import type { ChapterText } from './chapterTypes';

/** An accuracy as a whole percentage: 0.7912 -> "79%". */
export const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Points of accuracy: whole points from 1 up, one decimal below 1 ("0.4 points", "1 point", "under 0.1 points"). */
export function points(x: number): string {
  const a = Math.abs(x);
  if (a < 0.05) return 'under 0.1 points';
  const text = a < 0.95 ? a.toFixed(1) : String(Math.round(a));
  return `${text} ${text === '1' ? 'point' : 'points'}`;
}

/** A learned or true weight, to one decimal as in the "What it learned" table's rounding. */
export const weight = (x: number) => x.toFixed(1);

/** A run day as a short date: "14 Feb". */
export function shortDate(s: Pick<Settings, 'startDate'>, day: number): string {
  return formatDate(dateOfDay(s.startDate, day)).replace(/ \d{4}$/, '');
}

/** How often the dynamic model trains, in words. */
export function cadenceWords(s: Pick<Settings, 'cadence'>): string {
  switch (s.cadence) {
    case 'daily':
      return 'every day';
    case 'weekly':
      return 'every week';
    case 'monthly':
      return 'at the end of every month';
    case 'alarm':
      return 'whenever its error alarm goes off';
  }
}

/**
 * Why the dynamic model is slow to answer a change, from the settings on
 * screen, as a clause ("it retrains only at the end of every month"); empty
 * when none applies.
 */
export function slowReasons(s: Settings): string {
  const reasons: string[] = [];
  if (s.cadence !== 'daily') reasons.push(`it retrains only ${cadenceWords(s)}`);
  if (s.labelDelay > 0)
    reasons.push(`a visit’s outcome reaches it ${s.labelDelay} days after the visit`);
  if (s.windowDays > SETTINGS_TABLE.windowDays.default)
    reasons.push(`each job reads ${s.windowDays} days`);
  return reasons.join(', and ');
}

/** slowReasons as a clause after a colon (": it retrains only …"), or nothing. */
export function slowBecause(s: Settings): string {
  const reasons = slowReasons(s);
  return reasons ? `: ${reasons}` : '';
}

/** Sentences whose claim holds. */
export const holds = (...sentences: string[]): ChapterText => ({ sentences, instead: null });
