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
