/**
 * The sentences of the chapters outside Valentine's week (two ways to train,
 * the check before serving, the still world, the buggy job, the outage),
 * each a function of the run on screen: every number and date comes from the
 * run by src/sim/story's rules (docs/CHAPTERS.md), and when the run breaks a
 * claim, `instead` says what happened.
 *
 * Owns: that wording. Must not touch: the rules, the chapters' structure
 * (chapters.ts), components.
 */
import { COLLECTION_DAYS } from '../sim/ops/schedule';
import type { Settings } from '../sim/settings';
import { buggyJobs, costComparison, lastJobQuarantine, outageFacts } from '../sim/story/opsFacts';
import type { ChapterRun, ChapterText } from './chapterTypes';
import { cadenceWords, holds, pct, points, shortDate } from './chapterWords';
import { CLOSE_POINTS } from './valentineText';

/** What a chapter says when the run stops before its day. */
const endsBefore = (s: Settings, day: number): ChapterText => ({
  sentences: [],
  instead: `This run (${s.days} days) ends before ${shortDate(s, day)}, the day this chapter looks at: add days to reach it.`,
});

/** Chapter 'two-ways': what each model learns from, from the settings. */
export function twoWaysText({ settings: s }: ChapterRun): ChapterText {
  const known =
    s.labelDelay > 0
      ? `visits whose outcome is known (${s.labelDelay} days after the visit)`
      : 'labelled visits';
  return holds(
    `Both models guess whether a visitor will buy flowers, and both learn from the same visits of ${shortDate(s, 1)} to ${shortDate(s, COLLECTION_DAYS)}.`,
    `Then the static model is frozen; the dynamic one is retrained ${cadenceWords(s)} on the newest ${s.windowDays} days of ${known}.`,
  );
}

/** Chapter 'verify': the static model's first training, from the day it ran. */
export function verifyText({ settings: s, days }: ChapterRun): ChapterText | null {
  const job = days[COLLECTION_DAYS - 1]?.events.find((e) => e.model === 'static');
  if (!job) return null;
  return holds(
    `At the end of ${shortDate(s, COLLECTION_DAYS)} the static model was trained on ${job.rows.toLocaleString('en')} visits from ${shortDate(s, 1)} to ${shortDate(s, COLLECTION_DAYS)}, and tested on visits of the same weeks that it never trained on: its card shows that score.`,
    'Training once leaves time for such a check before anyone relies on the model. The score speaks for those weeks only.',
  );
}

/** Chapter 'still-world': the year's means and costs of both models in a world that keeps still. */
export function seaLevelText({ settings: s, days }: ChapterRun): ChapterText | null {
  if (days.length < s.days) return null;
  const c = costComparison(days.slice(0, s.days));
  if (!c) return null;
  const sentences = [
    `Over ${c.servingDays} serving days the static model was right about ${pct(c.staticMean)} of visitors and the dynamic one about ${pct(c.dynamicMean)}: ${points(c.pointsApart)} apart.`,
    `To get there the dynamic model ran ${c.dynamicRuns} training jobs, the static one ${c.staticRuns}; the dynamic model’s training went through ${c.examplesRatio.toFixed(1)} times as many examples.`,
  ];
  if (c.pointsApart > CLOSE_POINTS) {
    return {
      sentences,
      instead: `With the settings on screen the two models are ${points(c.pointsApart)} apart over the year, so here training once is not as good.`,
    };
  }
  sentences.push('When the world keeps still, training once is as good and far cheaper.');
  return holds(...sentences);
}

/** Chapter 'jobs': the bug week's jobs, the gate's verdicts and any rollback, up to the chapter's day. */
export function jobsText({ settings: s, days }: ChapterRun, day: number): ChapterText | null {
  if (s.days < day) return endsBefore(s, day);
  if (days.length < day) return null;
  const b = buggyJobs(days.slice(0, day));
  if (!b) {
    return {
      sentences: [],
      instead: `No training job up to ${shortDate(s, day)} trained on corrupted labels in this run.`,
    };
  }
  const first = b.bad[0];
  const last = b.bad[b.bad.length - 1];
  const sentences = [
    `From ${shortDate(s, first.day)} to ${shortDate(s, last.day)}, a bug flipped the labels in the training job’s copy of the data: ${b.bad.length} jobs trained on them.`,
  ];
  const next = b.nextServing
    ? `, until v${b.nextServing.version}, trained on clean labels again, passed on ${shortDate(s, b.nextServing.day)}`
    : '';
  if (b.served.length === 0) {
    sentences.push(
      `The validation gate rejected all ${b.blocked.length} of their versions (v${first.version} to v${last.version}), so v${b.servingBefore ?? first.version - 1} kept serving${next}.`,
      'Switch the gate off to see the bad versions serve, and roll back to an earlier version by hand.',
    );
    return holds(...sentences);
  }
  const rolled = b.rollbacks.length
    ? ` A rollback to v${b.rollbacks[0].to} on ${shortDate(s, b.rollbacks[0].day)} undid them.`
    : ' Roll back to an earlier version in this panel to undo them.';
  return {
    sentences,
    instead: `With the validation gate off, ${b.served.length} of those versions served.${rolled}`,
  };
}

/** Chapter 'inputs': the outage's first day, both models and the drift monitor, and the data gate. */
export function inputsText({ settings: s, days }: ChapterRun, day: number): ChapterText | null {
  if (s.days < day) return endsBefore(s, day);
  if (days.length < day) return null;
  const o = outageFacts(days.slice(0, day));
  if (!o) {
    return {
      sentences: [],
      instead: `No upstream source went dark up to ${shortDate(s, day)} in this run.`,
    };
  }
  const quarantine = lastJobQuarantine(days, day);
  const both = o.static.alert && o.dynamic.alert;
  const sentences = [
    `On ${shortDate(s, o.day)} the source of “${o.label.toLowerCase()}” went dark and sent one value for everybody.`,
    `Both models fell that day: the static one from ${pct(o.static.accuracyBefore)} to ${pct(o.static.accuracyOn)}, the dynamic one from ${pct(o.dynamic.accuracyBefore)} to ${pct(o.dynamic.accuracyOn)}.`,
    `The drift monitor ${both ? 'raised an alert for both models on that first day' : 'read the change on that first day'}: PSI ${o.static.psi.toFixed(2)} against the static model’s training data, ${o.dynamic.psi.toFixed(2)} against the dynamic one’s.`,
  ];
  if (quarantine && quarantine.quarantined > 0) {
    sentences.push(
      `Retraining on broken inputs would not help: the data gate kept ${quarantine.quarantined} dark days out of v${quarantine.version}’s training.`,
    );
  }
  const fell =
    o.static.accuracyOn < o.static.accuracyBefore &&
    o.dynamic.accuracyOn < o.dynamic.accuracyBefore;
  if (!fell || !both) {
    return {
      sentences,
      instead: `In this run the outage did not ${fell ? 'raise an alert for both models' : 'bring both models down'} on its first day.`,
    };
  }
  return holds(...sentences);
}
