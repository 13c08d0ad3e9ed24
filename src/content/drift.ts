/**
 * The drift panel's explanation, in Bloomcast's own words.
 *
 * Owns: wording, as data. Must not touch: components.
 */

export const DRIFT_TITLE = 'Watching the inputs';

export const DRIFT_WHY = [
  'A model only knows the world its training data showed it. If the visitors it scores today look different — colder days, shorter visits, a data source that went silent — its answers can be wrong even though nothing about the model changed. That is as true for a model trained once as for one retrained every day, so both are watched here.',
  'Retraining helps with slow, seasonal change: the dynamic model’s reference moves with the data. It does not help when a source suddenly breaks: both models see the broken values the same day.',
];

export const DRIFT_MEASURES = [
  {
    name: 'PSI',
    text: 'Population Stability Index: how much the share of visitors in each of ten bins (cut at the training data’s deciles) has moved. Below 0.1 is usually read as stable, 0.1–0.25 as a moderate shift, above 0.25 as a major one.',
  },
  {
    name: 'KS',
    text: 'Kolmogorov–Smirnov: the largest gap between the two cumulative distributions, from 0 (same) to 1 (no overlap).',
  },
  {
    name: 'JS',
    text: 'Jensen–Shannon distance between the two histograms, from 0 (same) to about 0.83 (no overlap).',
  },
];

export const DRIFT_CALIBRATION =
  'Some inputs share one value per day (the weather, the weekend), so a single day never looks like the two summer months pooled together. Each feature is therefore flagged only when it is clearly more unusual than any day (or run of days) was during training.';

/**
 * The box that sets the inputs beside what they mean (src/ui/drift/DriftContrast.tsx).
 * `f` is the one feature whose meaning it follows, named as on screen ("“Has a partner”").
 */
export const DRIFT_CONTRAST = {
  title: 'Did the inputs move, or what they mean?',
  inputsHead: 'The inputs',
  meaningHead: (f: string) => `What ${f} means for buying`,
  /** By the status of the input that moved most today. */
  inputsMoved: {
    stable: 'Steady',
    moderate: 'Moved a little',
    major: 'Jumped',
  },
  meaningMoved: 'Far apart',
  meaningSteady: 'Close',
  dark: 'unknown today: its source is dark',
  kind: {
    concept: (f: string) =>
      `Concept drift: the inputs look much as in training, but what ${f} means for buying has changed. Watching the inputs cannot see this; only retraining on new outcomes catches up.`,
    input: (f: string) =>
      `Input drift: the inputs changed, and what ${f} means for buying did not. Watching the inputs catches this the same day, for a model trained once and one retrained every day alike.`,
    both: (f: string) =>
      `Both at once: the inputs moved, and so did what ${f} means for buying. The input alarm sees the first; only retraining on new outcomes answers the second.`,
    none: (f: string) =>
      `Neither moved much: the inputs, and what ${f} means for buying, are close to what this model was trained on.`,
  },
} as const;
