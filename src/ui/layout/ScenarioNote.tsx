/**
 * The scenario's one-line description at the top of the side column (the
 * header's picker refers to it for screen readers), and, for a world the
 * world editor changed, what was changed.
 *
 * Owns: where that line shows. Must not touch: its words (the scenarios' data,
 * the settings table's knob labels).
 */
import { KNOB_KEYS } from '../../sim/settings';
import { ownKnob, worldTitle } from '../../sim/world/knobs';
import { SCENARIOS } from '../../sim/world/scenarios';
import { settingLabel } from '../../store/savedSettings';
import { valueWithUnit } from '../settings/settingWords';
import { useLab } from '../storeContext';

export function ScenarioNote() {
  const settings = useLab((s) => s.settings);
  const scenario = SCENARIOS[settings.scenario];
  const edits = KNOB_KEYS.flatMap((key) => {
    const value = settings[key];
    if (value === null) return [];
    const own = valueWithUnit(key, ownKnob(scenario, key));
    return [`${settingLabel(key)} ${valueWithUnit(key, value)} (its own: ${own})`];
  });
  return (
    <p id="scenario-description" className="scenario-note">
      <strong>{worldTitle(settings)}:</strong> {scenario.description}
      {edits.length > 0 && <> Changed in the world editor: {edits.join('; ')}.</>}
    </p>
  );
}
