/**
 * Lesson hints: settings under which the lab can no longer show the lesson,
 * and why, in a sentence a student can act on. Also what an instructor can
 * show with each scenario.
 *
 * Owns: those rules and their wording (typed data and one pure function).
 * Must not touch: components or the store.
 */
import type { Settings } from '../sim/settings';
import { firstRush } from '../sim/story/rush';
import { dateOfDay, formatDate } from '../sim/world/calendar';
import type { ScenarioId } from '../sim/world/scenarios';

/** "14 Feb" for a run day. */
const shortDate = (s: Settings, day: number) =>
  formatDate(dateOfDay(s.startDate, day)).replace(/ \d{4}$/, '');

/** The last run day before `day` that ends a month (a monthly job runs at its end), or null. */
function lastMonthEndBefore(s: Settings, day: number): number | null {
  for (let d = day - 1; d >= 1; d--) {
    if (dateOfDay(s.startDate, d + 1).endsWith('-01')) return d;
  }
  return null;
}

/** Hints for settings that hide part of the lesson (empty when nothing is hidden). */
export function lessonHints(s: Settings): string[] {
  const hints: string[] = [];
  const holidays = s.scenario !== 'stable' && s.scenario !== 'seasons';
  const rush = holidays ? firstRush(s) : null;
  const reached = rush !== null && rush.day <= s.days;
  if (s.cadence === 'monthly' && rush && reached) {
    const lastJob = lastMonthEndBefore(s, rush.day);
    if (lastJob !== null && lastJob < rush.from) {
      hints.push(
        `Retrained only at the end of each month, the dynamic model’s last job before ${shortDate(s, rush.day)} runs on ${shortDate(s, lastJob)}, before the Valentine’s rush begins on ${shortDate(s, rush.from)}: this time it falls with the static model and stays down until the holiday.`,
      );
    }
  }
  if (s.labelDelay >= 7 && rush && reached) {
    const length = rush.day - rush.from + 1;
    hints.push(
      `Labels arrive ${s.labelDelay} days late, so the dynamic model learns of a change ${s.labelDelay} days after it starts: ${Math.min(s.labelDelay, length)} of the ${length} days of the Valentine’s rush pass before it trains on any of them.`,
    );
  }
  if (s.windowDays >= 60 && s.cadence !== 'monthly') {
    hints.push(
      `Each job trains on the last ${s.windowDays} days, so a change that lasts two weeks is a small part of its data: the dynamic model adapts slowly.`,
    );
  }
  if (s.visitorsPerDay < 150) {
    hints.push(
      `With ${s.visitorsPerDay} visitors a day, daily accuracy is noisy: choose the 7-day rolling mean to see the trend.`,
    );
  }
  if (holidays && !reached) {
    hints.push('The run ends before Valentine’s Day: add days to see the static model go stale.');
  }
  return hints;
}

export interface ScenarioNote {
  show: string;
  ask: string;
}

/** For each scenario: what to show a class, and the question to ask it. */
export const SCENARIO_NOTES: Record<ScenarioId, ScenarioNote> = {
  valentine: {
    show: 'Step month by month to January, then one week at a time into February. Both lines drop when the Valentine’s rush begins; the dynamic one is back within days, once it has trained on the rush, while the static one stays down until the holiday. After it, the dynamic model trails for a few weeks: its window still holds the holiday. The “What it learned” table shows the partner weight climbing only in the dynamic model, and only part of the way.',
    ask: 'Both models fell when the rush began. What did the dynamic model learn from in the days after, that the static one never could?',
  },
  stable: {
    show: 'Run to the end. The two lines lie on top of each other, while the cost cards show hundreds of training runs against one.',
    ask: 'If retraining buys nothing here, what would make you pay for it anyway?',
  },
  seasons: {
    show: 'Open the drift panel on the static model and step into winter: temperature moves away from the summer data month by month, and the static line sinks below the majority baseline.',
    ask: 'Nobody changed the model. Why does it get worse, and which panel warned you first?',
  },
  outage: {
    show: 'Step to the outage with “next event”: minutes on site goes dark, the drift panel turns red for both models on the first day, and both lines dip. The data gate keeps the dark days out of training.',
    ask: 'Retraining did not save the dynamic model this time. What would have?',
  },
  'buggy-job': {
    show: 'In the Training jobs panel, see the bug week’s candidates rejected by the validation gate. Then switch the gate off on the day before the bug week and watch the bad versions serve; roll back by hand.',
    ask: 'What does a team need in place before it retrains every day?',
  },
};
