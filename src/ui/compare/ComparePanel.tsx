/**
 * The strategy comparison as a panel of the lab: the store's comparison,
 * run on request in the engine worker. CompareView is the panel itself
 * (its frame, title and words), so that nothing is said twice.
 *
 * Owns: wiring CompareView to the store, and having the comparison's workers
 * started while the panel is open and idle (stopped when it closes), so the
 * button's comparison computes at once. Must not touch: the numbers.
 */
import { useEffect } from 'react';
import { useLab, useLabStore } from '../storeContext';
import { CompareView } from './CompareView';
import './compare.css';

export function ComparePanel() {
  const store = useLabStore();
  const comparison = useLab((s) => s.comparison);
  const progress = useLab((s) => s.compareProgress);
  const error = useLab((s) => s.compareError);
  const startDate = useLab((s) => s.settings.startDate);
  const idle = progress === null;
  useEffect(() => {
    if (idle) store.getState().warmComparison();
  }, [store, idle]);
  useEffect(() => () => store.getState().coolComparison(), [store]);
  return (
    <CompareView
      comparison={comparison}
      progress={progress}
      error={error}
      onRun={() => store.getState().runComparison()}
      onCancel={() => store.getState().cancelComparison()}
      startDate={comparison?.settings.startDate ?? startDate}
    />
  );
}
