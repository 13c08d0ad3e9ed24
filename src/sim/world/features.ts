/**
 * The visitor features: names, units and the facts a model needs about them.
 *
 * Owns: the ordered list of features every row carries (the column order of
 * every feature matrix in the project) and each one's natural scale.
 * Must not touch: how values are drawn (visitors.ts) or how they drive the
 * label (truth.ts).
 */

export interface FeatureSpec {
  /** Stable identifier, also the CSV/JSON column name. */
  readonly id: string;
  /** Short human label. */
  readonly label: string;
  /** Unit shown beside weights ("per year", "per °C", ...). */
  readonly unit: string;
  /**
   * Smallest standard deviation a scaler may divide by. A feature that is
   * constant in a training window (days to the next holiday in July and
   * August) would otherwise blow up later inputs after standardising.
   */
  readonly minScale: number;
  /** True when the value is the same for every visitor of a day by nature. */
  readonly constantWithinDay: boolean;
}

export const FEATURES = [
  { id: 'age', label: 'Age', unit: 'years', minScale: 5, constantWithinDay: false },
  {
    id: 'hasPartner',
    label: 'Has a partner',
    unit: 'yes/no',
    minScale: 0.25,
    constantWithinDay: false,
  },
  {
    id: 'pastPurchases',
    label: 'Past purchases',
    unit: 'orders',
    minScale: 0.5,
    constantWithinDay: false,
  },
  {
    id: 'minutesOnSite',
    label: 'Minutes on site',
    unit: 'minutes',
    minScale: 1,
    constantWithinDay: false,
  },
  { id: 'price', label: 'Price shown', unit: 'USD', minScale: 5, constantWithinDay: false },
  { id: 'discount', label: 'Discount', unit: '%', minScale: 3, constantWithinDay: false },
  { id: 'mobile', label: 'On a phone', unit: 'yes/no', minScale: 0.25, constantWithinDay: false },
  {
    id: 'temperature',
    label: 'Outside temperature',
    unit: '°C',
    minScale: 2,
    constantWithinDay: false,
  },
  { id: 'weekend', label: 'Weekend', unit: 'yes/no', minScale: 0.25, constantWithinDay: true },
  {
    id: 'daysToHoliday',
    label: 'Days to next gift holiday',
    unit: 'days (capped at 30)',
    minScale: 5,
    constantWithinDay: true,
  },
] as const satisfies readonly FeatureSpec[];

export type FeatureId = (typeof FEATURES)[number]['id'];

/** Number of features per row. */
export const FEATURE_COUNT = FEATURES.length;

/** Column index of each feature. */
export const COL = Object.fromEntries(FEATURES.map((f, i) => [f.id, i])) as Record<
  FeatureId,
  number
>;

/** The cap on "days to the next gift holiday". */
export const HOLIDAY_HORIZON_DAYS = 30;

/** Per-feature minimum scales in column order. */
export const MIN_SCALES: Float32Array = Float32Array.from(FEATURES.map((f) => f.minScale));
