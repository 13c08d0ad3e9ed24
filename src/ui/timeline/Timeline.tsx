/**
 * The timeline: play/pause, step a day, a week or a month, jump to the next
 * event (named in the button's accessible name), run to the end, reset, the speed, and a scrubber over the run with month labels (as many
 * as fit its width) and the date on screen; a progress bar while the engine
 * computes (never beside a failure: then nothing is computing). `slim` (for
 * presentation mode): one bar of play and step buttons, the scrubber and the
 * date; the other controls stay on their keys.
 *
 * Owns: the controls' markup and labels.
 * Must not touch: playback rules (the store's actions own them).
 */
import { useMemo, useRef } from 'react';
import { SPEEDS, type Speed } from '../../store/labStore';
import { nextEventStop } from '../../store/playbackSlice';
import { dateOfDay, formatDate } from '../../sim/world/calendar';
import { thinMonths } from '../chart/axes';
import { axisMonths } from '../chart/chartData';
import { useChartBox } from '../chart/chartType';
import { useLab, useLabStore } from '../storeContext';
import './timeline.css';

const SPEED_LABELS: Record<Speed, string> = {
  1: '1 day / s',
  7: '1 week / s',
  30: '1 month / s',
  90: '3 months / s',
};

/** The scrubber, with the names of as many months as fit side by side under it. */
function Scrubber({ dateText, labels }: { dateText: string; labels: boolean }) {
  const store = useLabStore();
  const view = useLab((s) => s.view);
  const lastDay = useLab((s) => s.settings.days);
  const start = useLab((s) => s.settings.startDate);
  const presenting = useLab((s) => s.display.presenting);
  const box = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLDivElement>(null);
  const { width, type } = useChartBox(box, text, presenting);
  // A long run marks quarters or Januaries only, as the chart's axis does.
  const months = useMemo(() => axisMonths(start, lastDay), [start, lastDay]);
  const shown = useMemo(
    () =>
      // Unmeasured (no layout yet), every month: the first measurement thins them.
      width === 0
        ? months
        : thinMonths(months, {
            x: (day) => ((day - 1) / lastDay) * width,
            anchor: 'start',
            bounds: [0, width],
            gap: Math.round(type.px * 0.6),
            measure: type.measure,
          }),
    [months, lastDay, width, type],
  );
  return (
    <div className="scrubber" ref={box}>
      <input
        type="range"
        min={0}
        max={lastDay}
        value={view}
        aria-label="Simulated day"
        aria-valuetext={`${dateText}, day ${view} of ${lastDay}`}
        onChange={(e) => store.getState().seek(Number(e.target.value))}
      />
      {labels && (
        <div className="scrubber-months" aria-hidden="true" ref={text}>
          {shown.map((m) => (
            <span key={m.day} style={{ left: `${((m.day - 1) / lastDay) * 100}%` }}>
              {m.label}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

/** "1 Feb": a date within the run, for a button's name. */
const dayMonth = (start: string, day: number) =>
  formatDate(dateOfDay(start, day)).replace(/ \d{4}$/, '');

/**
 * "Next event": its name says where it goes: the event and its date when
 * its day is computed; when it lies beyond them (a rush, known from the
 * world), that the step stops there unless another event comes first; when
 * nothing is known ahead, that it plays on until one happens.
 */
function NextEventButton() {
  const store = useLabStore();
  const days = useLab((s) => s.days);
  const settings = useLab((s) => s.settings);
  // Where the step starts: the day asked for when paused, else the day on screen (as the store's nextEvent).
  const from = useLab((s) => (s.status === 'paused' ? s.target : s.view));
  const stop = useMemo(() => nextEventStop(days, settings, from), [days, settings, from]);
  const { startDate: start, days: lastDay } = settings;
  const name = !stop
    ? from >= lastDay
      ? 'Next event: none left in this run'
      : 'Next event: play on until one happens'
    : `Next event: ${stop.event.label}, ${dayMonth(start, stop.event.day)}${stop.certain ? '' : ', unless another comes first'}`;
  return (
    <button
      type="button"
      className="next-event"
      onClick={() => store.getState().nextEvent()}
      aria-keyshortcuts="E"
      aria-label={name}
      title={name}
      disabled={!stop && from >= lastDay}
    >
      Next event
    </button>
  );
}

export function Timeline({ slim = false }: { slim?: boolean }) {
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
  // A failure on record stops the progress: nothing more is coming until a restart.
  const failed = useLab((s) => s.failure !== null);
  const computing = have < target && !failed;
  const playing = status !== 'paused';
  const dateText = view === 0 ? `before ${formatDate(start)}` : formatDate(dateOfDay(start, view));

  const steps = (
    <>
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
      <NextEventButton />
    </>
  );
  const today = (
    <output className="today" aria-live="polite" aria-label="Date on screen">
      <span className="today-date">{dateText}</span>
      <span className="today-day">
        day {view} of {lastDay}
      </span>
    </output>
  );
  const progressLine = computing && (
    <>
      <progress max={target} value={Math.max(have, computed)} />
      <span>
        Computing day {Math.max(have, computed)} of {target}
        {status === 'running' ? ' (press Pause to stop)' : ''}
      </span>
    </>
  );
  const progress = computing && (
    <div className="progress" role="status">
      {progressLine}
    </div>
  );

  if (slim) {
    return (
      <section className="timeline slim" aria-label="Timeline">
        <div className="timeline-bar">
          <div className="timeline-buttons" role="toolbar" aria-label="Playback">
            {steps}
          </div>
          <Scrubber dateText={dateText} labels={false} />
          {today}
        </div>
        {progress}
      </section>
    );
  }
  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-buttons" role="toolbar" aria-label="Playback">
        {steps}
        <button type="button" onClick={() => actions.runToEnd()} aria-keyshortcuts="End">
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
        {today}
      </div>
      <Scrubber dateText={dateText} labels />
      {/* Always there, empty when idle: a run's start and end do not move the page below. */}
      <div className={computing ? 'progress progress-slot' : 'progress-slot'} role="status">
        {progressLine}
      </div>
    </section>
  );
}
