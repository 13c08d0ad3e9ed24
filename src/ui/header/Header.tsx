/**
 * The header: the product name, the scenario picker, the seed, and the
 * buttons for the guided lesson (its chapters), the link, presentation mode, settings and help. One
 * row on a laptop; the scenario's one-line description is beside the lesson
 * (ScenarioNote.tsx). Presentation mode has its own bar (ProjectorView.tsx).
 *
 * Owns: choosing a scenario and a seed (both re-run the lab from day 0).
 * Must not touch: other settings (the drawer owns them).
 */
import { useState } from 'react';
import { LIMITS } from '../../sim/settings';
import { isCustomWorld, NO_KNOBS } from '../../sim/world/knobs';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from '../../sim/world/scenarios';
import { useLab, useLabStore } from '../storeContext';
import type { ChapterStore } from '../../store/chapterProgress';
import { LessonButton } from '../chapters/LessonButton';
import { CopyLink } from './CopyLink';
import './header.css';

/** The picker's value while the world editor has changed the world. */
const CUSTOM = 'custom';

export function Header({ chapters }: { chapters?: ChapterStore }) {
  const store = useLabStore();
  const settings = useLab((s) => s.settings);
  const [seedText, setSeedText] = useState(String(settings.seed));
  const [seedError, setSeedError] = useState<string | null>(null);
  const [shownSeed, setShownSeed] = useState(settings.seed);
  if (shownSeed !== settings.seed) {
    // The seed changed elsewhere (a link, a reset of settings): show it.
    setShownSeed(settings.seed);
    setSeedText(String(settings.seed));
  }

  const custom = isCustomWorld(settings);
  const apply = (change: Partial<typeof settings>, reason: string) =>
    store.getState().applySettings({ ...settings, ...change }, reason);

  const commitSeed = () => {
    const value = Number(seedText);
    const { min, max } = LIMITS.seed;
    if (!/^\s*\d+\s*$/.test(seedText) || value < min || value > max) {
      setSeedError(`The seed must be a whole number from ${min} to ${max}.`);
      return;
    }
    setSeedError(null);
    if (value !== settings.seed) apply({ seed: value }, `Seed changed to ${value}`);
  };

  return (
    <header className="app-header">
      <div className="brand">
        <img src="favicon.svg" alt="" width={28} height={28} />
        <h1>Bloomcast</h1>
        <p className="tagline">a model trained once against one that keeps learning</p>
      </div>
      <div className="scenario">
        <label htmlFor="scenario">Scenario</label>
        <select
          id="scenario"
          value={custom ? CUSTOM : settings.scenario}
          aria-describedby="scenario-description"
          onChange={(e) => {
            const id = e.target.value as ScenarioId;
            // A scenario sets every knob of the world: the editor's changes go.
            const cleared = custom ? '; the world editor’s changes were cleared' : '';
            apply(
              { scenario: id, ...NO_KNOBS },
              `Scenario changed to ${SCENARIOS[id].title}${cleared}`,
            );
          }}
        >
          {custom && (
            // Short, so the header keeps to one row; the note beside the lesson says what it was made from.
            <option value={CUSTOM} disabled>
              Custom world
            </option>
          )}
          {SCENARIO_IDS.map((id) => (
            <option key={id} value={id} title={SCENARIOS[id].description}>
              {SCENARIOS[id].title}
            </option>
          ))}
        </select>
      </div>
      <form
        className="seed"
        onSubmit={(e) => {
          e.preventDefault();
          commitSeed();
        }}
      >
        <label htmlFor="seed">Seed</label>
        <input
          id="seed"
          inputMode="numeric"
          value={seedText}
          size={10}
          aria-invalid={seedError ? true : undefined}
          aria-describedby={seedError ? 'seed-error' : undefined}
          onChange={(e) => setSeedText(e.target.value)}
          onBlur={commitSeed}
        />
        {seedError && (
          <small id="seed-error" className="error" role="alert">
            {seedError}
          </small>
        )}
      </form>
      <div className="header-buttons">
        {chapters && <LessonButton store={chapters} />}
        <CopyLink />
        <button
          type="button"
          aria-pressed={false}
          aria-keyshortcuts="P"
          onClick={() => store.getState().setDisplay({ presenting: true })}
        >
          Present
        </button>
        <button
          type="button"
          onClick={() => store.getState().setDisplay({ settingsOpen: true })}
          aria-keyshortcuts="S"
        >
          Settings
        </button>
        <button
          type="button"
          aria-label="Keyboard shortcuts"
          aria-keyshortcuts="?"
          onClick={() => store.getState().setDisplay({ helpOpen: true })}
        >
          ?
        </button>
      </div>
    </header>
  );
}
