/**
 * The settings drawer: the dynamic model's schedule and the world's size,
 * validated by the same schema as the command line before anything re-runs.
 *
 * Owns: the form, its draft values and the per-field messages; it renders the
 * fields drawerFields.ts derives from the settings table.
 * Must not touch: validation rules, labels, hints, the order of the fields or
 * which control each gets (the settings table and drawerFields.ts state them).
 */
import { Fragment, type FormEvent, type ReactNode, useState } from 'react';
import { parseSettings, type DrawerKey } from '../../sim/settings';
import { Modal } from '../common/Modal';
import {
  DRAWER_FIELDS,
  type Draft,
  type DrawerFieldView,
  settingsInput,
  toDraft,
} from './drawerFields';
import { ImportSettings } from './ImportSettings';
import { describeChanges, fieldMessage } from './settingWords';
import { useLab, useLabStore } from '../storeContext';
import './settings.css';

function Form({ onDone }: { onDone: () => void }) {
  const store = useLabStore();
  const settings = useLab((s) => s.settings);
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseSettings(settingsInput(settings, draft));
    if (!parsed.ok) {
      setErrors(
        Object.fromEntries(parsed.issues.map((i) => [i.field, fieldMessage(i.field, i.message)])),
      );
      return;
    }
    const changes = describeChanges(settings, parsed.settings);
    if (changes) store.getState().applySettings(parsed.settings, `Settings changed (${changes})`);
    onDone();
  };

  const field = ({ key, label, unit, hint }: DrawerFieldView, control: ReactNode) => (
    <div className={`field${errors[key] ? ' invalid' : ''}`}>
      <label htmlFor={`setting-${key}`}>
        {label}
        {unit && ` (${unit})`}
      </label>
      {control}
      {hint && !errors[key] && <small id={`hint-${key}`}>{hint}</small>}
      {errors[key] && (
        <small className="error" id={`error-${key}`} role="alert">
          {errors[key]}
        </small>
      )}
    </div>
  );
  const text = (key: DrawerKey, type: 'text' | 'number') => (
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
  const select = (key: DrawerKey, options: readonly string[]) => (
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

  const checkbox = ({ key, label }: DrawerFieldView) => (
    <div className="field checkbox">
      <input
        id={`setting-${key}`}
        type="checkbox"
        checked={draft[key] === true}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.checked })}
      />
      <label htmlFor={`setting-${key}`}>{label}</label>
    </div>
  );

  const control = (view: DrawerFieldView) => {
    switch (view.control) {
      case 'checkbox':
        return checkbox(view);
      case 'select':
        return field(view, select(view.key, view.options));
      default:
        return field(view, text(view.key, view.control));
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2 id="settings-title">Settings</h2>
      <p className="hint">
        Applying re-runs the simulation from the first day, back to the day on screen.
      </p>
      {DRAWER_FIELDS.map((view) => (
        <Fragment key={view.key}>{control(view)}</Fragment>
      ))}
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
    <Modal
      open={open}
      onClose={close}
      labelledBy="settings-title"
      className="drawer"
      returnFocusTo='button[aria-keyshortcuts="S"]'
    >
      <Form onDone={close} />
    </Modal>
  );
}
