/**
 * The link's parameters that are not settings (those come from the settings
 * table): the day on screen, the interventions, the app version, the views
 * a link opens and the lesson's chapter open. One entry each: its name in the query string, the field a
 * notice names when its value cannot be used, and its reader.
 *
 * Owns: these names, what a valid value of each is, and the interventions' text
 * (their form here; whether a run can have them: linkInterventions.ts).
 * Must not touch: settings (src/sim/settingsTable.ts), window or history, and
 * the order a link is written in (url.ts writes it).
 */
import { CHAPTERS } from '../content/chapters';
import { parseNumberText } from '../sim/numberText';
import type { Intervention } from '../sim/contract';
import type { Display } from './labTypes';
import { TAB_IDS, type Tab } from './tabs';

/**
 * Longest value of a setting or of the day that we read: anything longer is
 * not a real value (100 KB of zeros then 5 is refused, not read as 5).
 */
export const MAX_VALUE_LENGTH = 64;

/** Why a value longer than MAX_VALUE_LENGTH is refused. */
export const tooLong = (field: string) => `${field} is far too long to be a valid value`;

/** The part of the display a link carries. */
export type LinkDisplay = Partial<
  Pick<Display, 'tab' | 'rolling' | 'presenting' | 'presentPanel' | 'driftRole' | 'driftScope'>
>;

/**
 * What `present=` may say: the chart with the models' numbers (cards) or alone
 * (none); drift and jobs, from links made before the views were tabs, open
 * that view presented.
 */
export const PRESENT_PANELS = ['none', 'cards', 'drift', 'jobs'] as const;
const PRESENTED: Record<(typeof PRESENT_PANELS)[number], LinkDisplay> = {
  none: { presenting: true, presentPanel: 'none' },
  cards: { presenting: true, presentPanel: 'cards' },
  drift: { presenting: true, tab: 'inputs' },
  jobs: { presenting: true, tab: 'jobs' },
};
type DriftRole = NonNullable<LinkDisplay['driftRole']>;
type DriftScope = NonNullable<LinkDisplay['driftScope']>;

/** What a reader may need beyond the parameter's own text. */
export interface LinkContext {
  /** The last day of the run the link asks for. */
  lastDay: number;
}

/** A parameter's value, or why it cannot be used. */
export type LinkRead<T> = { ok: true; value: T } | { ok: false; message: string };

export interface LinkParam<T> {
  /** The parameter's name in the query string. */
  name: string;
  /** What a notice calls it when its value cannot be used. */
  field: string;
  /** Read from old links only, never written (what replaced it). */
  readOnly?: string;
  read: (raw: string, context: LinkContext) => LinkRead<T>;
}

/** At most this many interventions in a link (a class never needs more; a long list is not a link). */
export const MAX_INTERVENTIONS = 50;

const ok = <T>(value: T): LinkRead<T> => ({ ok: true, value });
const no = (message: string): LinkRead<never> => ({ ok: false, message });

/** A reader that takes the text as is when it matches `pattern`. */
const matching =
  (pattern: RegExp, message: string) =>
  (raw: string): LinkRead<string> =>
    pattern.test(raw) ? ok(raw) : no(message);

/** A reader of a view: the part of the display a text matching `pattern` opens. */
const display =
  (pattern: RegExp, message: string, opens: (raw: string) => LinkDisplay) =>
  (raw: string): LinkRead<LinkDisplay> =>
    pattern.test(raw) ? ok(opens(raw)) : no(message);

/**
 * The day on screen: a whole number from 0 to the run's last day, read exactly
 * as the `days` setting is (the same length bound, the one number parser, a
 * whole number: "1e2" is 100 there and here; "0x10" is refused by both).
 */
function readDay(raw: string, { lastDay }: LinkContext): LinkRead<number> {
  if (raw.length > MAX_VALUE_LENGTH) return no(tooLong('day'));
  const value = parseNumberText(raw);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= lastDay
    ? ok(value)
    : no(`day must be a whole number from 0 to ${lastDay}`);
}

/**
 * The chapter open: its number in the lesson, a whole number from 1 to the
 * number of chapters, read as the day is (the same length bound and parser).
 */
function readChapter(raw: string): LinkRead<number> {
  if (raw.length > MAX_VALUE_LENGTH) return no(tooLong('chapter'));
  const value = parseNumberText(raw);
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= CHAPTERS.length
    ? ok(value)
    : no(`chapter must be a whole number from 1 to ${CHAPTERS.length}`);
}

/**
 * Interventions as text: "r157.85" rolls back to v85 at the end of day 157;
 * "g160.v0" switches the validation gate off (v) at the end of day 160, "g161.d1"
 * the data gate on; entries are separated by "_".
 */
export function formatInterventions(list: readonly Intervention[]): string {
  return list
    .map((iv) =>
      iv.kind === 'rollback'
        ? `r${iv.day}.${iv.version}`
        : `g${iv.day}.${iv.gate === 'validation' ? 'v' : 'd'}${iv.on ? 1 : 0}`,
    )
    .join('_');
}

/** Interventions written by `formatInterventions`; a malformed list is refused whole. */
function readInterventions(raw: string): LinkRead<Intervention[]> {
  if (raw === '') return ok([]);
  const parts = raw.split('_');
  const out: Intervention[] = [];
  for (const part of parts.slice(0, MAX_INTERVENTIONS)) {
    const rollback = /^r(\d{1,4})\.(\d{1,5})$/.exec(part);
    const gate = /^g(\d{1,4})\.([vd])([01])$/.exec(part);
    if (rollback)
      out.push({ day: Number(rollback[1]), kind: 'rollback', version: Number(rollback[2]) });
    else if (gate) {
      out.push({
        day: Number(gate[1]),
        kind: 'gate',
        gate: gate[2] === 'v' ? 'validation' : 'data',
        on: gate[3] === '1',
      });
    } else {
      return no(
        `"${part.slice(0, 20)}" is not a rollback (r<day>.<version>) or a gate switch (g<day>.<v|d><0|1>)`,
      );
    }
  }
  if (parts.length > MAX_INTERVENTIONS) {
    return no(`a link holds at most ${MAX_INTERVENTIONS} interventions`);
  }
  return ok(out.sort((a, b) => a.day - b.day));
}

/** In the order a link is read, so notices name bad parameters in this order. */
export const LINK_PARAMS = {
  day: { name: 'day', field: 'day', read: readDay },
  interventions: { name: 'iv', field: 'interventions', read: readInterventions },
  /** The app version a link was made with (numbers may differ between versions). */
  version: {
    name: 'v',
    field: 'version',
    read: matching(/^[\w.+-]{1,32}$/, 'version must be an app version such as 0.1.0'),
  },
  /** The table instead of the chart (links made before the views were tabs: tab=table now). */
  show: {
    name: 'show',
    field: 'show',
    readOnly: 'tab=table',
    read: display(/^(table|chart)$/, 'show must be table or chart', (show) =>
      show === 'table' ? { tab: 'table' } : {},
    ),
  },
  /** The rolling mean. */
  roll: {
    name: 'roll',
    field: 'roll',
    read: display(/^(1|7|28)$/, 'roll must be 1, 7 or 28', (roll) =>
      roll === '1' ? {} : { rolling: Number(roll) as 7 | 28 },
    ),
  },
  /** Presentation mode, with its panel. */
  present: {
    name: 'present',
    field: 'present',
    read: display(
      new RegExp(`^(${PRESENT_PANELS.join('|')})$`),
      `present must be one of: ${PRESENT_PANELS.join(', ')}`,
      (panel) => PRESENTED[panel as keyof typeof PRESENTED],
    ),
  },
  /** The view open (after `show` and `present`, so it wins over what they open). */
  tab: {
    name: 'tab',
    field: 'tab',
    read: display(
      new RegExp(`^(${TAB_IDS.join('|')})$`),
      `tab must be one of: ${TAB_IDS.join(', ')}`,
      (tab) => ({ tab: tab as Tab }),
    ),
  },
  /** The drift panel's model tab and comparison. */
  inputs: {
    name: 'inputs',
    field: 'inputs',
    read: display(
      /^(static|dynamic)-(day|window)$/,
      'inputs must be static or dynamic, then day or window (as in static-day)',
      (inputs) => {
        const [role, scope] = inputs.split('-');
        return { driftRole: role as DriftRole, driftScope: scope as DriftScope };
      },
    ),
  },
  /**
   * The lesson's chapter open (1-based): a link of only `chapter=4` opens
   * chapter 4 in the lesson's settings of this version (boot.ts).
   */
  chapter: { name: 'chapter', field: 'chapter', read: readChapter },
} as const satisfies Record<string, LinkParam<unknown>>;

export type LinkParamId = keyof typeof LINK_PARAMS;

/** The value each parameter reads as. */
export type LinkValues = {
  [K in LinkParamId]: (typeof LINK_PARAMS)[K]['read'] extends (
    ...args: never[]
  ) => LinkRead<infer T>
    ? T
    : never;
};
