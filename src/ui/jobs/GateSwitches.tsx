/**
 * The gate switches: the validation gate, the data gate and automatic
 * rollback, each a checkbox with a one-line reminder of what it does.
 *
 * Owns: the switches' markup and wording, and what a switch shows: the
 * gate's state as of the day on screen (`gatesOnDay`), so a click always
 * records the opposite of what the user sees. Must not touch: the store;
 * changes go through the callbacks.
 */
import { type ChangeEvent, useId } from 'react';
import type { Intervention } from '../../sim/contract';
import type { Settings } from '../../sim/settings';

export type Switch = 'validation' | 'data' | 'autoRollback';

const SWITCHES: { key: Switch; label: string; hint: string }[] = [
  {
    key: 'validation',
    label: 'Validation gate',
    hint: 'a new version serves only if it does well enough on a day it never trained on',
  },
  {
    key: 'data',
    label: 'Data gate',
    hint: 'days whose inputs look broken are kept out of training',
  },
  {
    key: 'autoRollback',
    label: 'Automatic rollback',
    hint: 'go back to the last good version when errors jump soon after a release',
  },
];

/**
 * Each switch's state on `day`: the settings' value, changed by every gate
 * switch recorded up to the end of that day, in order (a switch at the end of
 * the day on screen shows at once).
 */
export function gatesOnDay(
  settings: Pick<Settings, 'validationGate' | 'dataGate' | 'autoRollback'>,
  interventions: readonly Intervention[],
  day: number,
): Record<Switch, boolean> {
  const values = {
    validation: settings.validationGate,
    data: settings.dataGate,
    autoRollback: settings.autoRollback,
  };
  for (const iv of interventions) if (iv.kind === 'gate' && iv.day <= day) values[iv.gate] = iv.on;
  return values;
}

export function GateSwitches({
  values,
  onChange,
}: {
  values: Record<Switch, boolean>;
  onChange: (key: Switch, on: boolean) => void;
}) {
  const id = useId();
  return (
    <fieldset className="gate-switches">
      <legend>Safety checks</legend>
      {SWITCHES.map(({ key, label, hint }) => (
        <div key={key} className="gate-switch">
          <input
            id={`${id}-${key}`}
            type="checkbox"
            checked={values[key]}
            aria-describedby={`${id}-${key}-hint`}
            onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(key, e.target.checked)}
          />
          <label htmlFor={`${id}-${key}`}>{label}</label>
          <span id={`${id}-${key}-hint`} className="hint">
            {hint}
          </span>
        </div>
      ))}
    </fieldset>
  );
}
