/**
 * The Valentine's chapters' sentences (calm months, the rush, what changed,
 * the way back) and the rush's guess-then-reveal, each a function of the run
 * on screen: every number and date comes from src/sim/story's rules
 * (docs/CHAPTERS.md), and when the run breaks a claim, `instead` says what
 * happened.
 *
 * Owns: that wording. Must not touch: the rules, the chapters' structure
 * (chapters.ts), components.
 */
import type { Settings } from '../sim/settings';
import { partnerShift, rushInputShift } from '../sim/story/conceptFacts';
import {
  lagAfter,
  LAG_MEAN_DAYS,
  LAG_POINTS,
  meanOver,
  recovery,
  RECOVERY_MEAN_DAYS,
  RECOVERY_POINTS,
  usualRange,
  USUAL_DAYS,
  weekBefore,
  weekBeforeDrop,
} from '../sim/story/facts';
import { FIRST_SERVING_DAY } from '../sim/ops/schedule';
import { firstRush, type Rush } from '../sim/story/rush';
import type { ChapterPrediction, ChapterRun, ChapterText } from './chapterTypes';
import { holds, pct, points, shortDate, slowBecause, slowReasons, weight } from './chapterWords';

/** A drop of this many points in the week before the 14th counts as "drops sharply". */
export const SHARP_DROP_POINTS = 5;
/** Two lines closer than this many points (their means) "run close together". */
export const CLOSE_POINTS = 2;
/** A learned weight that moved less than this has not followed the change. */
export const LEARNED_MOVE = 0.5;

/**
 * Valentine's rush of the run when the chapters can speak about it (the run
 * reaches `after` days past the holiday, and the models served for the 31
 * days before the rush), or what the chapter says instead.
 */
export function servedRush(s: Settings, after = 0): Rush | ChapterText {
  const rush = firstRush(s);
  const run = `This run (${s.days} days from ${shortDate(s, 1)})`;
  if (!rush || rush.day > s.days) {
    return { sentences: [], instead: `${run} ends before Valentine’s Day: add days to reach it.` };
  }
  if (rush.day + after > s.days) {
    return {
      sentences: [],
      instead: `${run} ends less than ${after} days after Valentine’s Day: add days to see what follows it.`,
    };
  }
  if (rush.from - USUAL_DAYS < FIRST_SERVING_DAY) {
    return {
      sentences: [],
      instead: `In this run Valentine’s rush begins on ${shortDate(s, rush.from)}, less than ${USUAL_DAYS} days after the models start serving, so there is no usual month to compare it with: start the run earlier.`,
    };
  }
  return rush;
}

const isText = (x: Rush | ChapterText): x is ChapterText => 'instead' in x;

/** Chapter 'calm': both models' means over the 31 days before the rush, and the jobs so far. */
export function calmText({ settings: s, days }: ChapterRun): ChapterText | null {
  const rush = servedRush(s);
  if (isText(rush)) return rush;
  const st = recovery(days, s, 'static', rush.from - 1);
  const dy = recovery(days, s, 'dynamic', rush.from - 1);
  const eve = days[rush.from - 2];
  if (!st || !dy || !eve?.static || !eve.dynamic) return null;
  const usual = usualRange(rush);
  const apart = (st.usual - dy.usual) * 100;
  const sentences = [
    `From ${shortDate(s, usual.from)} to ${shortDate(s, usual.to)}, the static model was right about ${pct(st.usual)} of visitors on average and the dynamic one about ${pct(dy.usual)}: ${points(apart)} apart.`,
    `By then the dynamic model had run ${eve.dynamic.trainingRuns} training jobs, the static one ${eve.static.trainingRuns}.`,
  ];
  if (Math.abs(apart) > CLOSE_POINTS) {
    return {
      sentences,
      instead: `With the settings on screen the two lines do not run close before the holiday: they are ${points(apart)} apart.`,
    };
  }
  sentences.push('So far, all that retraining has bought next to nothing.');
  return holds(...sentences);
}

/**
 * Whether the dynamic model is back within 5 points before the 14th, from the
 * run (null until the 14th is computed).
 */
function dynamicBackByHoliday({ settings: s, days }: ChapterRun) {
  const rush = firstRush(s);
  if (!rush || days.length < rush.day) return null;
  const dy = recovery(days, s, 'dynamic', rush.day);
  return dy ? { rush, dy, back: dy.dippedOn === null || dy.backOn !== null } : null;
}

/** Chapter 'valentine': the rush ahead, before the guess (no result of the rush is said). */
export function valentineText(run: ChapterRun): ChapterText | null {
  const s = run.settings;
  const rush = servedRush(s);
  if (isText(rush)) return rush;
  const sentences = [
    `Valentine’s rush begins on ${shortDate(s, rush.from)}: for ${rush.day - rush.from + 1} days up to the 14th, having a partner matters far more to whether a visitor buys flowers.`,
    'Both models meet it with what they know today. Make your guess, then watch the two lines.',
  ];
  const known = dynamicBackByHoliday(run);
  if (known && !known.back) {
    return {
      sentences,
      instead: `With the settings on screen the dynamic model does not come back before the 14th${slowBecause(s)}. The lesson’s settings show it recover within days.`,
    };
  }
  return holds(...sentences);
}

/** The guess's options; 'other' when the run matches none of them (the dynamic model dipped, the static one did not drop). */
export type RushOutcome = 'same' | 'static-only' | 'both-back' | 'both-down' | 'other';

/** The guess's answer from the run: the static model's week against its usual level, the dynamic model's dip and recovery up to the 14th. */
export function rushOutcome(run: ChapterRun): RushOutcome | null {
  const { settings: s, days } = run;
  const st = weekBeforeDrop(days, s, 'static');
  const known = dynamicBackByHoliday(run);
  if (!st || !known) return null;
  const dipped = known.dy.dippedOn !== null;
  const dropped = st.pointsLost >= SHARP_DROP_POINTS;
  if (!dipped) return dropped ? 'static-only' : 'same';
  if (!dropped) return 'other';
  return known.back ? 'both-back' : 'both-down';
}

export const RUSH_PREDICTION: ChapterPrediction = {
  question:
    'Before February plays: what will the two models’ accuracy do in the week before Valentine’s Day?',
  options: [
    { id: 'same', label: 'Both stay about where they were' },
    { id: 'static-only', label: 'The static one drops sharply; the dynamic one stays level' },
    { id: 'both-back', label: 'Both drop; the dynamic one is back within days' },
    { id: 'both-down', label: 'Both drop and stay down until the 14th' },
  ],
  revealDay: (s) => firstRush(s)?.day ?? s.days,
  reveal: (run, guess) => {
    const { settings: s, days } = run;
    const outcome = rushOutcome(run);
    const st = weekBeforeDrop(days, s, 'static');
    const known = dynamicBackByHoliday(run);
    if (!outcome || !st || !known) return null;
    const week = weekBefore(st.rush);
    const lost = st.pointsLost;
    const moved =
      Math.abs(lost) < SHARP_DROP_POINTS
        ? `it barely moved (${points(lost)})`
        : `it ${lost > 0 ? 'fell' : 'rose'} by ${points(lost)}`;
    const { dy } = known;
    const floor = dy.usual - RECOVERY_POINTS / 100;
    let dynamic: string;
    if (dy.dippedOn === null) {
      dynamic = `The dynamic model’s ${RECOVERY_MEAN_DAYS}-day average never fell below ${pct(floor)}, ${RECOVERY_POINTS} points under its usual ${pct(dy.usual)}.`;
    } else if (dy.backOn !== null && dy.daysToRecover !== null && dy.lowest !== null) {
      dynamic = `The dynamic model fell too: its ${RECOVERY_MEAN_DAYS}-day average dropped below ${pct(floor)} on ${shortDate(s, dy.dippedOn)}, as low as ${pct(dy.lowest)}, and was back above it on ${shortDate(s, dy.backOn)}, ${dy.daysToRecover} days later, once it had trained on the rush.`;
    } else {
      dynamic = `The dynamic model fell too: its ${RECOVERY_MEAN_DAYS}-day average dropped below ${pct(floor)} on ${shortDate(s, dy.dippedOn)}, as low as ${pct(dy.lowest ?? floor)}, and was not back before the 14th${slowBecause(s)}.`;
    }
    const label = RUSH_PREDICTION.options.find((o) => o.id === guess)?.label ?? guess;
    const right = guess === outcome;
    const text = [
      `The static model was right about ${pct(st.usual)} of visitors in the ${USUAL_DAYS} days before the rush and ${pct(st.week)} from ${shortDate(s, week.from)} to ${shortDate(s, week.to)}: ${moved}.`,
      dynamic,
      `You guessed “${label}”: ${right ? 'right' : 'not this time'}.`,
    ].join(' ');
    return { right, text };
  },
};

/** Chapter 'what-changed': the partner weight true and learned, against the inputs' largest flagged shift. */
export function whatChangedText({ settings: s, days }: ChapterRun): ChapterText | null {
  const rush = servedRush(s);
  if (isText(rush)) return rush;
  const partner = partnerShift(days, s);
  const inputs = rushInputShift(days, s);
  if (!partner || !inputs) return null;
  const { before, holiday } = partner;
  if (holiday.truth === null || before.truth === null) return null;
  const sLearned = holiday.static ?? 0;
  const d0 = before.dynamic ?? 0;
  const d1 = holiday.dynamic ?? 0;
  const shift = inputs.shift;
  const sentences = [
    `In the “What it learned” table, the true weight of “has a partner” is ${weight(holiday.truth)} on ${shortDate(s, holiday.day)}, against ${weight(before.truth)} on ${shortDate(s, before.day)}.`,
    `The static model still uses ${weight(sLearned)}; the dynamic one has gone from ${weight(d0)} to ${weight(d1)}${d1 < holiday.truth - 1 ? ', still well short of the truth' : ', close to the truth'}.`,
    shift
      ? `The inputs moved much less: the largest shift the drift monitor flagged in the rush was in ${shift.label.toLowerCase()} (PSI ${shift.psi.toFixed(2)} on ${shortDate(s, shift.day)}), and no input says that a partner now matters more.`
      : 'The drift monitor flagged no input during the rush: what changed is what buying depends on, and only the labels show that.',
  ];
  if (d1 - d0 < LEARNED_MOVE) {
    return {
      sentences,
      instead: `With the settings on screen the dynamic model has not picked up the change by the 14th${slowBecause(s)}.`,
    };
  }
  return holds(...sentences);
}

/** The day the "way back" chapter shows: the window's length plus two weeks after the holiday. */
export function wayBackDay(s: Settings): number {
  const rush = firstRush(s);
  return Math.min(s.days, (rush?.day ?? s.days) + s.windowDays + 14);
}

/** Chapter 'way-back': the dynamic model's lag after the holiday (7-day means), up to the chapter's day. */
export function wayBackText({ settings: s, days }: ChapterRun): ChapterText | null {
  const rush = servedRush(s, LAG_MEAN_DAYS);
  if (isText(rush)) return rush;
  const lag = lagAfter(days.slice(0, wayBackDay(s)), s);
  if (!lag) return null;
  const after = shortDate(s, rush.day + 1);
  if (!lag.trails) {
    return {
      sentences: [
        `In the first ${LAG_MEAN_DAYS} days after the 14th the dynamic model is within ${points(LAG_POINTS)} of the static one.`,
      ],
      instead: `With the settings on screen the dynamic model does not lag after the holiday: it never learned the holiday${slowReasons(s) ? ` (${slowReasons(s)})` : ''}, so it has nothing to forget.`,
    };
  }
  const first = { from: rush.day + 1, to: lag.firstRead };
  const s7 = meanOver(days, 'static', first);
  const d7 = meanOver(days, 'dynamic', first);
  if (s7 === null || d7 === null) return null;
  const until =
    lag.until === null ? `since ${after}` : `from ${after} to ${shortDate(s, lag.until)}`;
  // A version serving on day d learned from days up to d - 1 - labelDelay, over windowDays days.
  const lastHeld = rush.day + s.windowDays + s.labelDelay + 1;
  const why =
    lag.until !== null && lag.until <= lastHeld
      ? `its ${s.windowDays}-day window still holds the holiday`
      : `longer than its ${s.windowDays}-day window holds the holiday${s.warmStart ? ', since each job starts from the last one’s weights' : ''}`;
  return holds(
    `In the first ${LAG_MEAN_DAYS} days after the 14th the static model is right about ${pct(s7)} of visitors again, the dynamic one about ${pct(d7)}.`,
    `Over every ${LAG_MEAN_DAYS} days ${until}, the dynamic model’s average stays more than ${points(LAG_POINTS)} below the static model’s, by up to ${points(lag.maxPoints)}: ${why}.`,
    s.windowDays === 7
      ? 'This is a 7-day window: it forgets the holiday sooner, but each job learns from fewer, noisier days.'
      : 'A shorter window forgets sooner but learns from fewer, noisier days: try 7 days and compare.',
  );
}
