/**
 * The status line and notices: why the current run started (a settings
 * change), an engine failure with its "Restart" button, and notices about
 * links or stored data that could not be used (a notice may carry one button,
 * such as going back to the lesson's settings); and, apart (EngineLine),
 * which TF.js backend the engine runs on.
 *
 * Owns: the wording of those messages. `slim` (presentation mode) leaves out
 * the lesson hints but never a failure or a notice: those show in every layout.
 * Must not touch: recovery itself (the store's `restart`).
 */
import { useMemo } from 'react';
import { lessonHints } from '../../content/hints';
import { useLab, useLabStore } from '../storeContext';
import './status.css';

/** `slim`: the presentation layout's bar (no lesson hints). Which backend runs: EngineLine. */
export function StatusLine({ slim = false }: { slim?: boolean }) {
  const store = useLabStore();
  const failure = useLab((s) => s.failure);
  const rerun = useLab((s) => s.rerunReason);
  const target = useLab((s) => s.target);
  const have = useLab((s) => s.days.length);
  const notices = useLab((s) => s.notices);
  const settings = useLab((s) => s.settings);
  const hints = useMemo(() => lessonHints(settings), [settings]);

  return (
    <div className={`status-area${slim ? ' slim' : ''}`}>
      {failure && (
        <div className="alert error" role="alert">
          <strong>The simulation engine stopped.</strong> {failure.message}. Your settings are kept;
          the results up to day {failure.lastGoodDay} are still shown.{' '}
          <button type="button" className="primary" onClick={() => store.getState().restart()}>
            Restart from day {failure.lastGoodDay}
          </button>
        </div>
      )}
      {rerun && (
        <div className="alert info" role="status">
          {rerun}.{' '}
          {failure
            ? ''
            : have < target
              ? `Re-running from the first day: day ${have} of ${target}…`
              : 'Re-ran from the first day; the chart shows the new run.'}
        </div>
      )}
      {!slim && hints.length > 0 && (
        <div className="alert hint-box" role="note" aria-label="Lesson hints">
          <strong>Heads up:</strong>
          <ul>
            {hints.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </div>
      )}
      {notices.map((n) => (
        <div
          key={n.id}
          className={`alert ${n.tone}`}
          role={n.tone === 'warning' ? 'alert' : 'status'}
        >
          {n.text}{' '}
          {n.action && (
            <button
              type="button"
              className="notice-action"
              onClick={() => store.getState().runNoticeAction(n.id)}
            >
              {n.action.label}
            </button>
          )}{' '}
          <button
            type="button"
            className="link"
            onClick={() => store.getState().dismissNotice(n.id)}
            aria-label="Dismiss this notice"
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}

/**
 * Which TF.js backend the engine runs on (or that it is starting): a quiet
 * line the layout puts below its main content, so it takes no room above the chart.
 */
export function EngineLine() {
  const backend = useLab((s) => s.backend);
  const failure = useLab((s) => s.failure);
  return (
    <p className="backend" aria-live="polite">
      {backend
        ? `Engine: TensorFlow.js on ${backend.backend === 'wasm' ? 'WebAssembly' : 'the plain JavaScript (cpu) backend'}, in a background worker${backend.fallbackReason ? ` (${backend.fallbackReason})` : ''}.`
        : failure
          ? ''
          : 'Starting the engine…'}
      {backend?.backend === 'cpu' && backend.fallbackReason && (
        <strong className="cpu-note">
          {' '}
          The numbers may differ slightly from the same link opened where WebAssembly runs.
        </strong>
      )}
    </p>
  );
}
