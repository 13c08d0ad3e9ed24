/**
 * One knob of the world editor: a slider with its value and unit, its hint,
 * the scenario's own value, a note when it does nothing in this world, and
 * a reset to the scenario's own.
 *
 * Owns: when a move is applied: on release (pointer up, key up, or a change
 * event that no held key made), never on each input while dragging; the
 * value shown meanwhile is a draft of this component's own.
 * Must not touch: the store (it reports through `onApply`) or the knob's words
 * (the settings table, knobWords.ts).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { KnobKey, Settings } from '../../sim/settings';
import { ownKnob } from '../../sim/world/knobs';
import { SCENARIOS } from '../../sim/world/scenarios';
import { valueWithUnit } from '../settings/settingWords';
import { editorOf, idleNote, knobRange, knobValue } from './knobWords';

interface Props {
  knob: KnobKey;
  settings: Settings;
  /** Applies a value (null: the scenario's own). Called once per release. */
  onApply: (knob: KnobKey, value: number | null) => void;
}

export function KnobSlider({ knob, settings, onApply }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const { label, hint, step } = editorOf(knob);
  const own = ownKnob(SCENARIOS[settings.scenario], knob);
  const value = knobValue(settings, knob);
  const [draft, setDraft] = useState<number | null>(null);
  /** A key is down: its steps fire change events; its release applies the value. */
  const keyHeld = useRef(false);
  const shown = draft ?? value;
  const { min, max } = knobRange(settings, knob);
  const idle = idleNote(settings, knob);

  const apply = (raw: string) => {
    setDraft(null);
    const next = Number(raw);
    if (!Number.isFinite(next)) return;
    // Back on the scenario's own value: the knob is left alone again.
    const stored = next === own ? null : next;
    if (stored !== settings[knob]) onApply(knob, stored);
  };

  // React's onChange is the input event; the native change event is a pointer's
  // release (even one outside the slider) or a step of a key, which the key's
  // release applies instead. The store ignores a second apply of the same value.
  // Added again on each render, so it reads this render's values.
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    const onNativeChange = () => {
      if (!keyHeld.current) apply(el.value);
    };
    el.addEventListener('change', onNativeChange);
    return () => el.removeEventListener('change', onNativeChange);
  });

  const release = (e: { currentTarget: HTMLInputElement }) => apply(e.currentTarget.value);

  return (
    <div className={`world-knob${idle ? ' world-knob-idle' : ''}`} data-knob={knob}>
      <div className="world-knob-head">
        <label htmlFor={id}>{label}</label>
        <output htmlFor={id} className="world-knob-value" aria-live="off">
          {valueWithUnit(knob, shown)}
        </output>
      </div>
      <input
        ref={input}
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={shown}
        aria-valuetext={valueWithUnit(knob, shown)}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setDraft(Number(e.currentTarget.value))}
        onPointerUp={release}
        onPointerCancel={release}
        onKeyDown={() => (keyHeld.current = true)}
        onKeyUp={(e) => {
          keyHeld.current = false;
          release(e);
        }}
      />
      <p id={`${id}-hint`} className="world-knob-hint">
        {hint}; default: {valueWithUnit(knob, own)}.{idle && <strong> {idle}</strong>}
      </p>
      <button
        type="button"
        className="world-knob-reset"
        disabled={settings[knob] === null}
        aria-label={`Reset ${label} to the scenario’s own`}
        onClick={() => {
          setDraft(null);
          onApply(knob, null);
        }}
      >
        Reset
      </button>
    </div>
  );
}
