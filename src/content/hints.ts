/**
 * Lesson hints: settings under which the lab can no longer show the lesson,
 * and why, in a sentence a student can act on. Also what an instructor can
 * show with each scenario.
 *
 * Owns: those rules and their wording (typed data and one pure function).
 * Must not touch: components or the store.
 */
import type { Settings } from '../sim/settings';
import { dateOfDay } from '../sim/world/calendar';
import type { ScenarioId } from '../sim/world/scenarios';

/** Hints for settings that hide part of the lesson (empty when nothing is hidden). */
export function lessonHints(s: Settings): string[] {
  const hints: string[] = [];
  const holidays = s.scenario !== 'stable' && s.scenario !== 'seasons';
  if (s.cadence === 'monthly' && holidays) {
    hints.push(
      'Retrained only at the end of each month, the dynamic model’s last job before 14 February runs on 31 January, before the Valentine’s rush begins: this time it cannot keep up either.',
    );
  }
  if (s.labelDelay >= 7 && holidays) {
    hints.push(
      `Labels arrive ${s.labelDelay} days late, so the dynamic model learns of a change ${s.labelDelay} days after it starts: most of the two-week Valentine’s rush is over before it trains on it.`,
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
  const valentineYear = Number(s.startDate.slice(0, 4)) + (s.startDate.slice(5) > '02-14' ? 1 : 0);
  if (holidays && dateOfDay(s.startDate, s.days) < `${valentineYear}-02-14`) {
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
    show: 'Step month by month to January, then one week at a time into February. The static model’s line drops in the week before the 14th while the dynamic one holds; the cards show the partner weight climbing only in the dynamic model.',
    ask: 'Both models were equally good in autumn. What did the dynamic model see in early February that the static one never could?',
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
    show: 'Go to 7 November, then one day on: minutes on site goes dark, the drift panel turns red for both models, and both lines dip. The data gate keeps the dark days out of training.',
    ask: 'Retraining did not save the dynamic model this time. What would have?',
  },
  'buggy-job': {
    show: 'In the Training jobs panel, see the bug week’s candidates rejected by the validation gate. Then switch the gate off at 27 November and watch the bad versions serve; roll back by hand.',
    ask: 'What does a team need in place before it retrains every day?',
  },
};
