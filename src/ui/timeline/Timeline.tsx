/**
 * The timeline: play/pause, step a day, a week or a month, run to the end,
 * reset, the speed, and a scrubber over the run with month labels and the
 * date on screen; a progress bar while the engine computes (never beside a
 * failure: then nothing is computing).
 *
 * Owns: the controls' markup and labels.
 * Must not touch: playback rules (the store's actions own them).
 */
import { useMemo } from 'react';
import { SPEEDS, type Speed } from '../../store/labStore';
import { dateOfDay, formatDate } from '../../sim/world/calendar';
import { axisMonths } from '../chart/chartData';
import { useLab, useLabStore } from '../storeContext';
import './timeline.css';

const SPEED_LABELS: Record<Speed, string> = {
  1: '1 day / s',
  7: '1 week / s',
  30: '1 month / s',
  90: '3 months / s',
};

export function Timeline() {
  const store = useLabStore();
  const actions = store.getState();
  const status = useLab((s) => s.status);
  const speed = useLab((s) => s.speed);
  const view = useLab((s) => s.view);
  const target = useLab((s) => s.target);
  const have = useLab((s) => s.days.length);
  const computed = useLab((s) => s.computed);
  const lastDay = useLab((s) => s.settings.days);
  const start = useLab((s) => s.settings.startDate);
  // A long run marks quarters or Januaries only, as the chart's axis does.
  const months = useMemo(() => axisMonths(start, lastDay), [start, lastDay]);
  // A failure on record stops the progress: nothing more is coming until a restart.
  const failed = useLab((s) => s.failure !== null);
  const computing = have < target && !failed;
  const playing = status !== 'paused';
  const dateText = view === 0 ? `before ${formatDate(start)}` : formatDate(dateOfDay(start, view));

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-buttons" role="toolbar" aria-label="Playback">
        <button
          type="button"
          className="primary"
          onClick={() => actions.togglePlay()}
          aria-keyshortcuts="Space"
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => actions.stepDays(1)} aria-keyshortcuts="D">
          +1 day
        </button>
        <button type="button" onClick={() => actions.stepDays(7)} aria-keyshortcuts="W">
          +1 week
        </button>
        <button type="button" onClick={() => actions.stepMonth()} aria-keyshortcuts="M">
          +1 month
        </button>
        <button type="button" onClick={() => actions.runToEnd()} aria-keyshortcuts="E">
          Run to the end
        </button>
        <button type="button" onClick={() => actions.reset()} aria-keyshortcuts="R">
          Reset
        </button>
        <label className="speed">
          Speed{' '}
          <select value={speed} onChange={(e) => actions.setSpeed(Number(e.target.value) as Speed)}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {SPEED_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <output className="today" aria-live="polite" aria-label="Date on screen">
          <span className="today-date">{dateText}</span>
          <span className="today-day">
            day {view} of {lastDay}
          </span>
        </output>
      </div>
      <div className="scrubber">
        <input
          type="range"
          min={0}
          max={lastDay}
          value={view}
          aria-label="Simulated day"
          aria-valuetext={`${dateText}, day ${view} of ${lastDay}`}
          onChange={(e) => actions.seek(Number(e.target.value))}
        />
        <div className="scrubber-months" aria-hidden="true">
          {months.map((m) => (
            <span key={m.day} style={{ left: `${((m.day - 1) / lastDay) * 100}%` }}>
              {m.label}
            </span>
          ))}
        </div>
      </div>
      {computing && (
        <div className="progress" role="status">
          <progress max={target} value={Math.max(have, computed)} />
          <span>
            Computing day {Math.max(have, computed)} of {target}
            {status === 'running' ? ' (press Pause to stop)' : ''}
          </span>
        </div>
      )}
    </section>
  );
}
