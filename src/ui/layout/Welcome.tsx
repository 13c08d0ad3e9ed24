/**
 * The first screen's way in, over the empty chart: one sentence of what the
 * lab is and two ways to start (the guided lesson, or running the year). It
 * shows while nothing has been computed for the day on screen (day 0, not
 * playing) and goes as soon as the lab moves.
 *
 * Owns: that sentence and those two buttons.
 * Must not touch: the chapters or the run (it only calls their starts).
 */
import { COLLECTION_DAYS } from '../../sim/ops/schedule';
import { dateOfDay, formatDate } from '../../sim/world/calendar';
import type { ChapterStore } from '../../store/chapterProgress';
import { openChapter } from '../chapters/openChapter';
import { useLab, useLabStore } from '../storeContext';

export function Welcome({ chapters }: { chapters?: ChapterStore }) {
  const store = useLabStore();
  const view = useLab((s) => s.view);
  const target = useLab((s) => s.target);
  const status = useLab((s) => s.status);
  const failure = useLab((s) => s.failure);
  const start = useLab((s) => s.settings.startDate);
  if (view > 0 || target > 0 || status === 'playing' || failure) return null;
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">A year in a flower shop, seen by two models</h2>
      <p>
        Both models learn who buys from the shop’s first {COLLECTION_DAYS} days (
        {formatDate(dateOfDay(start, 1))} to {formatDate(dateOfDay(start, COLLECTION_DAYS))}). One
        is then left as it is; the other keeps retraining on recent days. Run the year and watch
        where they part.
      </p>
      <div className="welcome-actions">
        {chapters && (
          <button type="button" className="primary" onClick={() => openChapter(store, chapters, 0)}>
            Start the guided lesson
          </button>
        )}
        <button
          type="button"
          className={chapters ? undefined : 'primary'}
          onClick={() => store.getState().runToEnd()}
        >
          Run the year
        </button>
      </div>
      <p className="welcome-hint">Or step through it with the controls above.</p>
    </section>
  );
}
