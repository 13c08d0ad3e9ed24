/**
 * The strategy comparison as a panel of the lab: the store's comparison,
 * run on request in the engine worker.
 *
 * Owns: wiring CompareView to the store. Must not touch: the numbers.
 */
import { useLab, useLabStore } from '../storeContext';
import { CompareView } from './CompareView';
import './compare.css';

export function ComparePanel() {
  const store = useLabStore();
  const comparison = useLab((s) => s.comparison);
  const progress = useLab((s) => s.compareProgress);
  const error = useLab((s) => s.compareError);
  const startDate = useLab((s) => s.settings.startDate);
  return (
    <section className="panel compare-panel" aria-labelledby="compare-title">
      <h2 id="compare-title">Static, daily, weekly, monthly or on alarm?</h2>
      <p className="hint">
        Runs this same world and seed once per retraining strategy and sets accuracy beside cost. It
        takes a few seconds; the lab keeps working meanwhile.
      </p>
      <CompareView
        comparison={comparison}
        progress={progress}
        error={error}
        onRun={() => store.getState().runComparison()}
        startDate={comparison?.settings.startDate ?? startDate}
      />
    </section>
  );
}
