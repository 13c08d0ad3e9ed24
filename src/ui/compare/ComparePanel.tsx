/**
 * The strategy comparison as a panel of the lab: the store's comparison,
 * run on request in the engine worker. CompareView is the panel itself
 * (its frame, title and words), so that nothing is said twice.
 *
 * Owns: wiring CompareView to the store, and having the comparison's workers
 * started while the panel is open and a press is likely next (stopped when it
 * closes), so the button's comparison computes at once. Must not touch: the
 * numbers.
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
  const settings = useLab((s) => s.settings);
  const startDate = settings.startDate;
  // Workers are started ahead only when a press is likely next: nothing runs, the table (if
  // any) is not for these settings, and the last comparison did not fail (its retry is a press).
  const likelyNext = progress === null && !error && comparison?.settings !== settings;
  useEffect(() => {
    if (likelyNext) store.getState().warmComparison();
  }, [store, likelyNext]);
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
