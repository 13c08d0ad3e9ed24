/**
 * The settings drawer: the dynamic model's schedule and the world's size,
 * validated by the same schema as the command line before anything re-runs.
 *
 * Owns: the form, its draft values and the per-field messages.
 * Must not touch: validation rules (src/sim/settings.ts owns them).
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import {
  CADENCES,
  LIMITS,
  MODEL_KINDS,
  parseSettings,
  type SettingKey,
  type Settings,
} from '../../sim/settings';
import { Modal } from '../common/Modal';
import { ImportSettings } from './ImportSettings';
import { useLab, useLabStore } from '../storeContext';
import './settings.css';

type Draft = Record<Exclude<SettingKey, 'scenario' | 'seed'>, string | boolean>;

const toDraft = (s: Settings): Draft => ({
  model: s.model,
  cadence: s.cadence,
  windowDays: String(s.windowDays),
  warmStart: s.warmStart,
  visitorsPerDay: String(s.visitorsPerDay),
  labelDelay: String(s.labelDelay),
  driftWindowDays: String(s.driftWindowDays),
  validationGate: s.validationGate,
  dataGate: s.dataGate,
  autoRollback: s.autoRollback,
  learningRate: String(s.learningRate),
  days: String(s.days),
  startDate: s.startDate,
});

const NUMBER_FIELDS = new Set([
  'windowDays',
  'visitorsPerDay',
  'labelDelay',
  'days',
  'driftWindowDays',
  'learningRate',
]);

const LABELS: Record<keyof Draft, string> = {
  model: 'Model',
  cadence: 'Retrain the dynamic model',
  windowDays: 'Training window (days)',
  warmStart: 'Warm start (continue from the serving weights)',
  visitorsPerDay: 'Visitors per day',
  labelDelay: 'Label delay (days until a visit’s outcome is known)',
  driftWindowDays: 'Drift monitor’s rolling window (days)',
  validationGate:
    'Validation gate: a candidate must beat a floor and not trail the serving version',
  dataGate: 'Data gate: keep days that fail the input checks out of training',
  autoRollback: 'Roll back automatically when the error detector fires after a promotion',
  learningRate: 'Learning rate of the retraining jobs',
  days: 'Days to simulate',
  startDate: 'First day',
};

/** "cadence: daily → weekly; window: 28 → 14" */
export function describeChanges(before: Settings, after: Settings): string {
  return (Object.keys(after) as SettingKey[])
    .filter((k) => before[k] !== after[k])
    .map((k) => `${k}: ${String(before[k])} → ${String(after[k])}`)
    .join('; ');
}

function Form({ onDone }: { onDone: () => void }) {
  const store = useLabStore();
  const settings = useLab((s) => s.settings);
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = { scenario: settings.scenario, seed: settings.seed };
    for (const [key, value] of Object.entries(draft)) {
      input[key] =
        NUMBER_FIELDS.has(key) &&
        typeof value === 'string' &&
        /^\s*-?\d+(\.\d+)?(e-?\d+)?\s*$/i.test(value)
          ? Number(value)
          : value;
    }
    const parsed = parseSettings(input);
    if (!parsed.ok) {
      setErrors(Object.fromEntries(parsed.issues.map((i) => [i.field, i.message])));
      return;
    }
    const changes = describeChanges(settings, parsed.settings);
    if (changes) store.getState().applySettings(parsed.settings, `Settings changed (${changes})`);
    onDone();
  };

  const field = (key: keyof Draft, control: ReactNode, hint?: string) => (
    <div className={`field${errors[key] ? ' invalid' : ''}`}>
      <label htmlFor={`setting-${key}`}>{LABELS[key]}</label>
      {control}
      {hint && !errors[key] && <small id={`hint-${key}`}>{hint}</small>}
      {errors[key] && (
        <small className="error" id={`error-${key}`} role="alert">
          {errors[key]}
        </small>
      )}
    </div>
  );
  const text = (key: keyof Draft, type: 'text' | 'number' = 'number') => (
    <input
      id={`setting-${key}`}
      type={type}
      inputMode={type === 'number' ? 'numeric' : undefined}
      value={String(draft[key])}
      aria-invalid={errors[key] ? true : undefined}
      aria-describedby={errors[key] ? `error-${key}` : `hint-${key}`}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
    />
  );
  const select = (key: keyof Draft, options: readonly string[]) => (
    <select
      id={`setting-${key}`}
      value={String(draft[key])}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
    >
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );

  const checkbox = (key: 'warmStart' | 'validationGate' | 'dataGate' | 'autoRollback') => (
    <div className="field checkbox">
      <input
        id={`setting-${key}`}
        type="checkbox"
        checked={draft[key] === true}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.checked })}
      />
      <label htmlFor={`setting-${key}`}>{LABELS[key]}</label>
    </div>
  );

  return (
    <form onSubmit={submit} noValidate>
      <h2 id="settings-title">Settings</h2>
      <p className="hint">
        Applying re-runs the simulation from the first day, back to the day on screen.
      </p>
      {field(
        'model',
        select('model', MODEL_KINDS),
        'logistic regression or a small neural network (MLP)',
      )}
      {field('cadence', select('cadence', CADENCES))}
      {field('windowDays', text('windowDays'), `${LIMITS.windowDays.min}–${LIMITS.windowDays.max}`)}
      {checkbox('warmStart')}
      {field(
        'learningRate',
        text('learningRate', 'text'),
        `${LIMITS.learningRate.min}–${LIMITS.learningRate.max}; try 100 to watch a job blow up`,
      )}
      {checkbox('validationGate')}
      {checkbox('dataGate')}
      {checkbox('autoRollback')}
      {field(
        'visitorsPerDay',
        text('visitorsPerDay'),
        `${LIMITS.visitorsPerDay.min}–${LIMITS.visitorsPerDay.max}`,
      )}
      {field('labelDelay', text('labelDelay'), `${LIMITS.labelDelay.min}–${LIMITS.labelDelay.max}`)}
      {field(
        'driftWindowDays',
        text('driftWindowDays'),
        `${LIMITS.driftWindowDays.min}–${LIMITS.driftWindowDays.max}: how many recent days of inputs are compared with the training data`,
      )}
      {field('days', text('days'), `${LIMITS.days.min}–${LIMITS.days.max}`)}
      {field('startDate', text('startDate', 'text'), 'YYYY-MM-DD')}
      <ImportSettings
        onImport={(imported, name) => {
          store.getState().applySettings(imported, `Imported ${name}`);
          onDone();
        }}
      />
      <div className="actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Apply and re-run
        </button>
      </div>
    </form>
  );
}

export function SettingsDrawer() {
  const store = useLabStore();
  const open = useLab((s) => s.display.settingsOpen);
  const close = () => store.getState().setDisplay({ settingsOpen: false });
  return (
    <Modal open={open} onClose={close} labelledBy="settings-title" className="drawer">
      <Form onDone={close} />
    </Modal>
  );
}
