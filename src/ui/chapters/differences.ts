/**
 * How the settings on screen differ from a chapter's lesson settings, in
 * plain words: "retrain the dynamic model monthly instead of daily",
 * "training window 7 days instead of 28 days", with the settings table's
 * labels (through settingLabel) and units.
 *
 * Owns: that wording. Must not touch: which settings a chapter has
 * (chapterWorld.ts) or what the button beside it does.
 */
import type { Intervention } from '../../sim/contract';
import type { Settings } from '../../sim/settings';
import { sameInterventions, settingsDiffering } from '../../store/chapterWorld';
import { settingLabel } from '../../store/savedSettings';
import { valueWithUnit } from '../settings/settingWords';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** One phrase per difference, in the settings table's order; empty when there is none. */
export function differences(
  current: Settings,
  lesson: Settings,
  interventions: readonly Intervention[] = [],
  lessonInterventions: readonly Intervention[] = [],
): string[] {
  const words = settingsDiffering(current, lesson).map(
    (key) =>
      `${lowerFirst(settingLabel(key))} ${valueWithUnit(key, current[key])} instead of ${valueWithUnit(key, lesson[key])}`,
  );
  if (!sameInterventions(interventions, lessonInterventions)) {
    words.push('rollbacks or gate switches of your own');
  }
  return words;
}
