/**
 * The world editor's words and order: its groups of knobs, each knob's value
 * in effect (set, or the scenario's own), and why a knob does nothing in the
 * world on screen.
 *
 * Owns: which knob shows in which group, in what order, and the "does nothing
 * here" notes. Must not touch: the knobs' labels, units, hints and ranges (the
 * settings table's `editor` entries) or what a knob does (src/sim/world/knobs.ts).
 */
import { KNOB_KEYS, type KnobKey, type Settings, specOf } from '../../sim/settings';
import { addDays, dateOfDay } from '../../sim/world/calendar';
import { ownKnob } from '../../sim/world/knobs';
import { SCENARIOS } from '../../sim/world/scenarios';

export type KnobGroup = 'valentine' | 'seasons' | 'buying' | 'outage' | 'bug';

/** The editor's groups, in order, with their titles. */
export const KNOB_GROUPS: readonly { id: KnobGroup; title: string }[] = [
  { id: 'valentine', title: 'Valentine’s Day' },
  { id: 'seasons', title: 'Seasons' },
  { id: 'buying', title: 'Buying' },
  { id: 'outage', title: 'Outage' },
  { id: 'bug', title: 'Buggy job' },
];

/** A knob's entry for the editor (the settings table's `editor` field). */
export function editorOf(key: KnobKey) {
  const spec = specOf(key);
  if (spec.kind !== 'knob') throw new Error(`${key} is not a knob`);
  return spec.editor;
}

/** The knobs of a group, in the table's `editor.order`. */
export function knobsOf(group: KnobGroup): KnobKey[] {
  return KNOB_KEYS.filter((k) => editorOf(k).group === group).sort(
    (a, b) => editorOf(a).order - editorOf(b).order,
  );
}

type World = Pick<Settings, 'scenario' | 'days' | 'startDate' | KnobKey>;

/** The knob's value in this world: the one set, else the scenario's own. */
export function knobValue(settings: World, key: KnobKey): number {
  return settings[key] ?? ownKnob(SCENARIOS[settings.scenario], key);
}

/** The slider's range: the table's, except that a day of the run ends at the run's last day. */
export function knobRange(settings: World, key: KnobKey): { min: number; max: number } {
  const spec = specOf(key) as { min: number; max: number };
  if (key === 'outageDay' || key === 'bugDay') {
    return { min: spec.min, max: settings.days };
  }
  return { min: spec.min, max: spec.max };
}

/** Whether any day of the run falls in a Valentine's Day build-up (`lead` days up to 14 Feb). */
export function runMeetsValentine(settings: World, lead: number): boolean {
  const first = settings.startDate;
  const last = dateOfDay(first, settings.days);
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    const day = `${year}-02-14`;
    if (day >= first && addDays(day, -lead) <= last) return true;
  }
  return false;
}

/**
 * Why a knob does nothing in this world (null: it does something): the
 * Valentine knobs in a run without a 14 February, the lead with no Valentine
 * effect, an outage of 0 days, a bug that flips no label, a day after the
 * run's last.
 */
export function idleNote(settings: World, key: KnobKey): string | null {
  const v = (k: KnobKey) => knobValue(settings, k);
  const noValentine = 'Does nothing: this run has no Valentine’s Day.';
  switch (key) {
    case 'valentineEffect':
      return runMeetsValentine(settings, v('valentineLeadDays')) ? null : noValentine;
    case 'valentineLeadDays':
      if (!runMeetsValentine(settings, v('valentineLeadDays'))) return noValentine;
      return v('valentineEffect') === 0
        ? 'Does nothing while Valentine’s Day has no effect.'
        : null;
    case 'outageDay':
      if (v('outageDays') === 0) return 'Does nothing while the outage lasts 0 days.';
      return v('outageDay') > settings.days
        ? `Does nothing: the run ends on day ${settings.days}.`
        : null;
    case 'bugDay':
      if (v('bugShare') === 0) return 'Does nothing while the bug flips no labels.';
      return v('bugDay') > settings.days
        ? `Does nothing: the run ends on day ${settings.days}.`
        : null;
    default:
      return null;
  }
}
