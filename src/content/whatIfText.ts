/**
 * The "What if?" chapter's sentences and its guess: Valentine's Day at half
 * the usual strength (the world editor's valentineEffect knob), what
 * that did to each model in the week before the 14th, and an invitation to
 * try other strengths and many seeds. Every number comes from
 * src/sim/story's rules over the run on screen (docs/CHAPTERS.md); the usual
 * shop's figure is not on the page (only this run is), so the chapter does
 * not state it: it asks the student to set the knob back to 1 and watch.
 *
 * Owns: that wording, the chapter's day and answer day. Must not touch: the
 * rules, the chapters' structure (chapters.ts), components.
 */
import { SETTINGS_TABLE, type Settings } from '../sim/settings';
import {
  RECOVERY_MEAN_DAYS,
  RECOVERY_POINTS,
  recovery,
  USUAL_DAYS,
  weekBefore,
  weekBeforeDrop,
} from '../sim/story/facts';
import { firstRush } from '../sim/story/rush';
import { ownKnob } from '../sim/world/knobs';
import { SCENARIOS } from '../sim/world/scenarios';
import type { ChapterPrediction, ChapterRun, ChapterText } from './chapterTypes';
import { holds, pct, points, shortDate, slowBecause } from './chapterWords';
import { servedRush } from './valentineText';

/** Days after Valentine's Day that the answer shows: the end of the week after the 14th. */
export const WEEK_AFTER = 7;
/** The guess's bands of the static model's points lost in the week before the 14th. */
export const FEW_POINTS = 5;
export const MANY_POINTS = 15;

/** How strongly Valentine's Day changes who buys in this run, times the usual shop's. */
export function valentineStrength(s: Pick<Settings, 'scenario' | 'valentineEffect'>): number {
  return s.valentineEffect ?? ownKnob(SCENARIOS[s.scenario], 'valentineEffect');
}

/** The strength in words: "half the usual strength", "twice …", "1.5 times …". */
export function strengthWords(s: Pick<Settings, 'scenario' | 'valentineEffect'>): string {
  const k = valentineStrength(s);
  if (k === 1) return 'the usual strength';
  if (k === 0.5) return 'half the usual strength';
  if (k === 2) return 'twice the usual strength';
  return `${k} times the usual strength`;
}

/** The chapter's own day: the day before Valentine's rush begins (the guess comes first). */
export function whatIfDay(s: Settings): number {
  return Math.max(1, (firstRush(s)?.from ?? s.days) - 1);
}

/** The day that answers the guess: the end of the week after the 14th. */
export function whatIfAnswerDay(s: Settings): number {
  return (firstRush(s)?.day ?? s.days) + WEEK_AFTER;
}

/** The band of the static model's points lost that the guess names. */
export type DropBand = 'few' | 'some' | 'many';

export const dropBand = (pointsLost: number): DropBand =>
  pointsLost < FEW_POINTS ? 'few' : pointsLost < MANY_POINTS ? 'some' : 'many';

/** The knob's name as the world editor shows it (the settings table's label). */
const KNOB = `“${SETTINGS_TABLE.valentineEffect.editor.label}”`;

const KNOB_BACK = `Only this run is on the page: to see the usual shop’s figure for this seed, set ${KNOB} back to 1 in the world editor and watch the same week.`;

/** The two models' week before the 14th, once the run reaches the answer's day; null before. */
function measured({ settings: s, days }: ChapterRun) {
  const rush = firstRush(s);
  if (!rush || days.length < whatIfAnswerDay(s)) return null;
  const st = weekBeforeDrop(days, s, 'static');
  const dy = recovery(days, s, 'dynamic', rush.day);
  return st && dy ? { rush, st, dy } : null;
}

/** Chapter 'what-if': the world before the guess; once the answer's days are on screen, each model's week. */
export function whatIfText(run: ChapterRun): ChapterText | null {
  const s = run.settings;
  if (valentineStrength(s) === 0) {
    return {
      sentences: [],
      instead: `With ${KNOB} at 0 the holiday changes nothing about who buys: set it above 0 in the world editor.`,
    };
  }
  const rush = servedRush(s, WEEK_AFTER);
  if ('instead' in rush) return rush;
  const strength = strengthWords(s);
  const m = measured(run);
  if (!m) {
    return holds(
      `In this world Valentine’s Day changes who buys with ${strength}: its rush still begins on ${shortDate(s, rush.from)} and lasts ${rush.day - rush.from + 1} days, up to the 14th.`,
      'Make your guess, then watch the two lines up to a week after the holiday.',
    );
  }
  const { st, dy } = m;
  const week = weekBefore(rush);
  const floor = dy.usual - RECOVERY_POINTS / 100;
  const lost = st.pointsLost;
  const sentences = [
    `At ${strength}, the static model was right about ${pct(st.week)} of visitors from ${shortDate(s, week.from)} to ${shortDate(s, week.to)}, against ${pct(st.usual)} in the ${USUAL_DAYS} days before the rush: ${lost >= 0 ? `${points(lost)} lost` : `${points(lost)} gained`}.`,
  ];
  let back = true;
  if (dy.dippedOn === null) {
    sentences.push(
      `The dynamic model’s ${RECOVERY_MEAN_DAYS}-day average never fell below ${pct(floor)}, ${RECOVERY_POINTS} points under its usual ${pct(dy.usual)}.`,
    );
  } else if (dy.backOn !== null && dy.daysToRecover !== null) {
    sentences.push(
      `The dynamic model’s ${RECOVERY_MEAN_DAYS}-day average fell below ${pct(floor)} on ${shortDate(s, dy.dippedOn)} and was back above it on ${shortDate(s, dy.backOn)}, ${dy.daysToRecover} days later.`,
    );
  } else {
    back = false;
    sentences.push(
      `The dynamic model’s ${RECOVERY_MEAN_DAYS}-day average fell below ${pct(floor)} on ${shortDate(s, dy.dippedOn)} and was not back before the 14th.`,
    );
  }
  sentences.push(
    'Now try twice the usual strength in the world editor, and turn on Many worlds: is this one seed’s luck or every seed’s?',
  );
  if (!back) {
    return {
      sentences,
      instead: `With the settings on screen the dynamic model does not come back before the 14th${slowBecause(s)}. The lesson’s settings show it recover within days.`,
    };
  }
  return holds(...sentences);
}

export const WHAT_IF_PREDICTION: ChapterPrediction = {
  question:
    'Valentine’s Day now changes who buys half as much as in the usual shop. How many points will the static model lose in the week before the 14th?',
  options: [
    { id: 'few', label: `Hardly any: under ${FEW_POINTS} points` },
    { id: 'some', label: `Between ${FEW_POINTS} and ${MANY_POINTS} points` },
    { id: 'many', label: `${MANY_POINTS} points or more` },
  ],
  revealDay: whatIfAnswerDay,
  reveal: (run, guess) => {
    const m = measured(run);
    if (!m) return null;
    const s = run.settings;
    const week = weekBefore(m.rush);
    const lost = m.st.pointsLost;
    const label = WHAT_IF_PREDICTION.options.find((o) => o.id === guess)?.label ?? guess;
    const right = guess === dropBand(lost);
    const text = [
      `At ${strengthWords(s)}, the static model was right about ${pct(m.st.usual)} of visitors in the ${USUAL_DAYS} days before the rush and ${pct(m.st.week)} from ${shortDate(s, week.from)} to ${shortDate(s, week.to)}: ${lost >= 0 ? `it lost ${points(lost)}` : `it gained ${points(lost)}`}.`,
      `You guessed “${label}”: ${right ? 'right' : 'not this time'}.`,
      KNOB_BACK,
    ].join(' ');
    return { right, text };
  },
};
