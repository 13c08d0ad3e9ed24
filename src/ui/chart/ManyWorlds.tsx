/**
 * The "Many worlds" control of the accuracy chart (a button in the chart's
 * header opens its row): how many seeds, Run (with
 * which seeds run and, once the lab's own run has finished, about how long
 * it takes), progress with Cancel while they run, Clear once the band is
 * drawn; the same in a few words for presentation mode's bar
 * (ProjectorManyWorlds); and the sentence under the chart about the result.
 *
 * Owns: the control's markup and wiring to the store's many-seeds slice.
 * Must not touch: the runs, the statistics or the band's drawing
 * (manyWorldsLayer.tsx).
 */
import { useEffect } from 'react';
import {
  type ManySeedsResult,
  SEED_COUNTS,
  seedsEstimateMs,
  seedsFor,
} from '../../store/manySeedsSlice';
import { useLab, useLabStore } from '../storeContext';
import { estimateText, manyWorldsSentence, seedsProgressText, seedsText } from './manyWorldsText';

const cores = () => (typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency);

/** The chart header's button that opens the row (the row takes no room until asked for). */
export function ManyWorldsToggle({ onOpen }: { onOpen: () => void }) {
  return (
    <button type="button" className="many-worlds-toggle" aria-expanded={false} onClick={onOpen}>
      Many worlds…
    </button>
  );
}

/** What both many-worlds controls read from the store, and its actions (`lab`). */
function useManyWorlds() {
  const store = useLabStore();
  const count = useLab((s) => s.seedCount);
  const seed = useLab((s) => s.settings.seed);
  const about = estimateText(useLab((s) => seedsEstimateMs(s, s.seedCount, cores())));
  return {
    store,
    count,
    seed,
    progress: useLab((s) => s.seedsProgress),
    result: useLab((s) => s.seedsResult),
    error: useLab((s) => s.seedsError),
    /** Which seeds Run takes, and (once the lab's run has finished) about how long they take. */
    upcoming: `${seedsText({ seeds: seedsFor(seed, count) }, seed)}${about ? `; ${about}` : ''}`,
    lab: () => store.getState(),
  };
}

/** `onClose`: hides the row again (Clear does too). */
export function ManyWorlds({ onClose }: { onClose?: () => void }) {
  const { store, count, seed, progress, result, error, upcoming, lab } = useManyWorlds();
  // While the row is open and nothing runs, the pool's workers start and warm up (the
  // comparison's view does the same), so Run pays no start-up; they stop when it closes.
  const likelyNext = progress === null && error === null;
  useEffect(() => {
    if (likelyNext) store.getState().warmManySeeds();
  }, [store, likelyNext, count]);
  useEffect(() => () => store.getState().coolManySeeds(), [store]);
  const note = progress ? seedsProgressText(progress) : result ? seedsText(result, seed) : upcoming;
  return (
    <div className="many-worlds" role="group" aria-label="Many worlds">
      <label className="chart-option">
        Many worlds{' '}
        <select
          value={count}
          disabled={progress !== null}
          onChange={(e) => lab().setSeedCount(Number(e.target.value))}
        >
          {SEED_COUNTS.map((n) => (
            <option key={n} value={n}>
              {n} seeds
            </option>
          ))}
        </select>
      </label>
      {progress ? (
        <>
          <progress max={progress.total} value={progress.done} aria-label="Seeds done" />
          <button type="button" onClick={() => lab().cancelManySeeds()}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" onClick={() => lab().runManySeeds()}>
          Run
        </button>
      )}
      {result && !progress && (
        <button
          type="button"
          onClick={() => {
            lab().clearManySeeds();
            onClose?.();
          }}
        >
          Clear
        </button>
      )}
      {!result && !progress && onClose && (
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      )}
      <span className="many-worlds-note" role="status">
        {note}
      </span>
      {error && !progress && <span className="many-worlds-error">Stopped: {error}</span>}
    </div>
  );
}

/**
 * Many worlds in presentation mode's bar, so an instructor can ask "is this
 * luck?" without leaving it: Run (the row's seed count; which seeds, and the
 * estimate once the lab's run has finished, in its tooltip), then progress
 * and Cancel, then Clear; each in a few words, so the bar stays one line at
 * 1280x720. Unlike the row it warms no workers ahead: presenting is not a
 * sign that seeds are coming, and a projecting laptop should not spend its
 * cores on them unasked.
 */
export function ProjectorManyWorlds() {
  const { count, progress, result, error, upcoming, lab } = useManyWorlds();
  return (
    <div className="projector-worlds" role="group" aria-label="Many worlds">
      {progress ? (
        <>
          <progress max={progress.total} value={progress.done} aria-label="Seeds done" />
          <span role="status">
            {Math.floor(progress.done)} of {progress.total}
          </span>
          <button type="button" onClick={() => lab().cancelManySeeds()}>
            Cancel
          </button>
        </>
      ) : result ? (
        <button type="button" onClick={() => lab().clearManySeeds()}>
          Clear {result.seeds.length} seeds
        </button>
      ) : (
        <>
          <button type="button" title={upcoming} onClick={() => lab().runManySeeds()}>
            Many worlds ({count})
          </button>
          {error && <span className="many-worlds-error">Stopped: {error}</span>}
        </>
      )}
    </div>
  );
}

/** The sentence under the chart while a many-worlds result is shown. */
export function ManyWorldsSentence({ result }: { result: ManySeedsResult }) {
  return <p className="many-worlds-sentence">{manyWorldsSentence(result.summary)}</p>;
}
