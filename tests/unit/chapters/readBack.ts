/**
 * Reading a chapter's sentences back: every number, date and version in them
 * in order, and the test's own formats for what it expects there (written
 * here, not imported from src/content, so a wrong format fails the test).
 * Also one run per settings, cached for the file that asks, and the tests'
 * own readings of Valentine's rush and of a model's dip and recovery.
 */
import type { DayResult, RunOutput } from '../../../src/sim/contract';
import type { Settings } from '../../../src/sim/settings';
import { CHAPTERS } from '../../../src/content/chapters';
import type { Chapter, ChapterRun } from '../../../src/content/chapterTypes';
import { FEATURES } from '../../../src/sim/world/features';
import { run } from '../helpers';

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const TOKEN = new RegExp(
  `v\\d+|\\b\\d{1,2} (?:${MONTHS.join('|')})\\b|\\d[\\d,]*(?:\\.\\d+)?%?`,
  'g',
);

/** The numbers, dates ("14 Feb") and versions ("v90") of a text, in order. */
export const tokens = (text: string) => text.match(TOKEN) ?? [];

/** "2026-02-14" -> "14 Feb". */
export const date = (iso: string) =>
  `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}`;
export const pct = (x: number) => `${Math.round(x * 100)}%`;
/** Points: whole from 1 up, one decimal below, "0.1" for anything under 0.05 ("under 0.1 points"). */
export function pts(x: number): string {
  const a = Math.abs(x);
  if (a < 0.05) return '0.1';
  return a < 0.95 ? a.toFixed(1) : String(Math.round(a));
}
export const int = (n: number) => String(n);

export const chapter = (id: string): Chapter => {
  const found = CHAPTERS.find((c) => c.id === id);
  if (!found) throw new Error(`no chapter ${id}`);
  return found;
};

/** A chapter's whole text (sentences, then instead) for a run. */
export function textOf(id: string, r: RunOutput) {
  const out = chapter(id).text(asRun(r));
  if (!out) throw new Error(`chapter ${id} has no text for this run`);
  return { ...out, all: out.sentences.join(' ') };
}

export const asRun = (r: RunOutput): ChapterRun => ({
  settings: r.config.settings,
  days: r.days,
});

const cache = new Map<string, Promise<RunOutput>>();
/** One run per settings for the whole file. */
export function cachedRun(overrides: Partial<Settings>): Promise<RunOutput> {
  const key = JSON.stringify(overrides);
  let p = cache.get(key);
  if (!p) {
    p = run(overrides);
    cache.set(key, p);
  }
  return p;
}

/** Mean accuracy over days from..to (1-based, inclusive), summed in day order. */
export function mean(
  days: readonly DayResult[],
  role: 'static' | 'dynamic',
  from: number,
  to: number,
) {
  let sum = 0;
  for (let d = from; d <= to; d++) {
    const a = days[d - 1][role]?.accuracy;
    if (a === undefined) throw new Error(`day ${d} has no ${role} accuracy`);
    sum += a;
  }
  return sum / (to - from + 1);
}

/** Every date a text names is one of the run's days up to `day` (the chart on screen ends there). */
export function datesUpTo(text: string, r: RunOutput, day: number): boolean {
  const shown = new Set(r.days.slice(0, day).map((d) => date(d.date)));
  const named = tokens(text).filter((t) => / [A-Z][a-z]{2}$/.test(t));
  return named.every((t) => shown.has(t));
}

export const PARTNER = FEATURES.findIndex((f) => f.id === 'hasPartner');

/** Valentine's Day and the first day of its rush: the days the true partner weight is above January's. */
export function rushOf(days: readonly DayResult[]) {
  const holiday = days.findIndex((d) => d.holiday === 'valentine') + 1;
  const january = days[holiday - 41].effects.truth[PARTNER]!;
  let from = holiday;
  while (days[from - 2].effects.truth[PARTNER]! > january + 1e-9) from--;
  return { holiday, from, iso: (day: number) => days[day - 1].date };
}

/** The tests' reading of "dipped" and "recovered": 3-day means against 5 points under the 31 days before the rush. */
export function dipOf(
  days: readonly DayResult[],
  role: 'static' | 'dynamic',
  from: number,
  until: number,
) {
  const usual = mean(days, role, from - 31, from - 1);
  const floor = usual - 0.05;
  let dip: number | null = null;
  let back: number | null = null;
  let low = Infinity;
  for (let d = from; d <= until; d++) {
    const m3 = mean(days, role, d - 2, d);
    if (dip === null) {
      if (m3 < floor) [dip, low] = [d, m3];
    } else if (m3 >= floor) {
      back = d;
      break;
    } else low = Math.min(low, m3);
  }
  return { usual, floor, dip, back, low };
}
