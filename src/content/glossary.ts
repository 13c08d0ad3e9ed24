/**
 * The lab's glossary: the terms its panels use, in our own words.
 *
 * Owns: the terms and their explanations, as data. Must not touch: components.
 */

export const GLOSSARY = {
  accuracy: {
    term: 'Accuracy',
    text: 'The share of visitors a model classified right: it predicts “buys” when its probability is at least 50%, and we compare with what each visitor did.',
  },
  logLoss: {
    term: 'Log loss',
    text: 'How surprised a model was by what happened, averaged over visitors: confident wrong predictions cost a lot, hesitant ones a little. Lower is better.',
  },
  auc: {
    term: 'AUC',
    text: 'The chance that a model ranks a random buyer above a random non-buyer. 0.5 is guessing, 1 is perfect; it ignores the 50% threshold.',
  },
  drift: {
    term: 'Drift',
    text: 'A change in the data a model meets while serving, compared with the data it learned from: in the inputs (covariate drift), in how inputs relate to the outcome (concept drift), or in the outcome itself (label drift).',
  },
  psi: {
    term: 'PSI (Population Stability Index)',
    text: 'Cuts the training data into ten equally full bins and measures how far the share of today’s visitors in each bin has moved. Below 0.1 reads as stable, 0.1–0.25 as a moderate shift, above 0.25 as a major one.',
  },
  ks: {
    term: 'KS (Kolmogorov–Smirnov statistic)',
    text: 'The largest vertical gap between the cumulative distributions of the training and the serving values: 0 when they match, 1 when they do not overlap at all.',
  },
  js: {
    term: 'JS (Jensen–Shannon distance)',
    text: 'A symmetric distance between two histograms (training against serving), from 0 for identical to about 0.83 for no overlap.',
  },
  blessing: {
    term: 'Blessing (validation gate)',
    text: 'The check a new version must pass before it may serve: here, a finite loss, at least 50% accuracy on a held-out day it never trained on, and no clear loss against the version serving now.',
  },
  errorAlarm: {
    term: 'Error alarm',
    text: 'Goes off when a model’s share of wrong answers clearly rises above its usual level, judged on visitors whose outcome is already known (two detectors watch it: DDM on each visitor’s error, Page-Hinkley on the daily error rate). With the “alarm” schedule the dynamic model retrains only then; with automatic rollback on, an alarm within a week of a release undoes that release. It watches errors, not inputs: inputs that move away from the training data raise the drift panel’s alerts instead.',
  },
  rollback: {
    term: 'Rollback',
    text: 'Putting an earlier version back into service, with exactly the weights it served with, when a new one turns out worse. It needs every served version to be kept.',
  },
  quarantine: {
    term: 'Quarantine (data gate)',
    text: 'Keeping a day out of training because its inputs fail a check learned from the reference data, such as a feature arriving as one value for everybody.',
  },
} as const satisfies Record<string, { term: string; text: string }>;

export type GlossaryId = keyof typeof GLOSSARY;
export const GLOSSARY_IDS = Object.keys(GLOSSARY) as GlossaryId[];
