/**
 * The scenario's one-line description at the top of the side column (the
 * header's picker refers to it for screen readers).
 *
 * Owns: where that line shows. Must not touch: its words (the scenarios' data).
 */
import { SCENARIOS } from '../../sim/world/scenarios';
import { useLab } from '../storeContext';

export function ScenarioNote() {
  const scenario = useLab((s) => s.settings.scenario);
  return (
    <p id="scenario-description" className="scenario-note">
      <strong>{SCENARIOS[scenario].title}:</strong> {SCENARIOS[scenario].description}
    </p>
  );
}
