/**
 * The holiday rushes of a run: the days on which a gift holiday's effect on
 * buying is switched on, read from the world itself (truth.ts's day context),
 * not from a fixed date, so a world whose ramp starts earlier or later moves
 * them with it.
 *
 * Owns: that reading, per holiday occurrence in the run, as day numbers.
 * Must not touch: results (events.ts reads those), wording (src/content).
 */
import type { KnobKey, Settings } from '../settings';
import { dateOfDay, dayOfDate, type HolidayName, type IsoDate } from '../world/calendar';
import { worldOf } from '../world/knobs';
import type { Scenario } from '../world/scenarios';
import { dayContext } from '../world/truth';

/** An inclusive range of 1-based run days. */
export interface DayRange {
  from: number;
  to: number;
}

/** One holiday's rush in a run: the days its effect is on, ending on the holiday itself. */
export interface Rush extends DayRange {
  holiday: HolidayName;
  /** The holiday's date. */
  date: IsoDate;
  /** Its day number in the run (may lie past the run's end when the run stops mid-rush). */
  day: number;
}

/** What a run's calendar of rushes depends on: its world (scenario and knobs), first day and length. */
export type RunShape = Pick<Settings, 'scenario' | 'startDate' | 'days' | KnobKey>;

/**
 * Every rush that overlaps the run, in day order: the stretches of days on
 * which the holiday's intensity in the world is above zero. A rush cut by the
 * run's start or end keeps the days inside the run.
 */
export function holidayRushes(settings: RunShape, scenario: Scenario = worldOf(settings)): Rush[] {
  // The chart's callouts ask on every day shown: the last answer is kept (copies handed out).
  const hit = last;
  if (
    hit &&
    hit.scenario === scenario &&
    hit.start === settings.startDate &&
    hit.days === settings.days
  )
    return hit.rushes.map((r) => ({ ...r }));
  const rushes = readRushes(settings, scenario);
  last = { scenario, start: settings.startDate, days: settings.days, rushes };
  return rushes.map((r) => ({ ...r }));
}

let last: { scenario: Scenario; start: IsoDate; days: number; rushes: Rush[] } | null = null;

function readRushes(settings: RunShape, scenario: Scenario): Rush[] {
  const rushes: Rush[] = [];
  if (!scenario.holidaysOn) return rushes;
  let open: Rush | null = null;
  for (let day = 1; day <= settings.days; day++) {
    const date = dateOfDay(settings.startDate, day);
    const ctx = dayContext(date, scenario);
    const name = ctx.nextHoliday;
    const on = name !== null && ctx[name] > 0;
    if (on && open && open.holiday === name) {
      open.to = day;
      continue;
    }
    if (open) rushes.push(open);
    open = null;
    if (on && name) {
      const holidayDate = dateOfDay(settings.startDate, day + ctx.daysToHoliday);
      open = {
        holiday: name,
        date: holidayDate,
        day: dayOfDate(settings.startDate, holidayDate),
        from: day,
        to: day,
      };
    }
  }
  if (open) rushes.push(open);
  return rushes;
}

/** The first rush of a holiday in the run (Valentine's Day by default), or null. */
export function firstRush(
  settings: RunShape,
  holiday: HolidayName = 'valentine',
  scenario?: Scenario,
): Rush | null {
  return holidayRushes(settings, scenario).find((r) => r.holiday === holiday) ?? null;
}
