/**
 * The options of the accuracy chart and its table: the rolling mean and the
 * two reference lines (oracle, baseline). The chart and the table show the
 * same lines, so both panels carry these same controls.
 *
 * Owns: the controls' markup. Must not touch: how the lines are computed.
 */
import type { Display } from '../../store/labStore';
import { useLab, useLabStore } from '../storeContext';
import { ROLLING_WINDOWS } from './chartData';

export function ChartOptions() {
  const store = useLabStore();
  const rolling = useLab((s) => s.display.rolling);
  const showOracle = useLab((s) => s.display.showOracle);
  const showBaseline = useLab((s) => s.display.showBaseline);
  const setDisplay = (change: Partial<Display>) => store.getState().setDisplay(change);
  return (
    <>
      <label className="chart-option">
        Rolling mean{' '}
        <select
          value={rolling}
          onChange={(e) => setDisplay({ rolling: Number(e.target.value) as 1 | 7 | 28 })}
        >
          {ROLLING_WINDOWS.map((w) => (
            <option key={w} value={w}>
              {w === 1 ? 'none (daily)' : `${w} days`}
            </option>
          ))}
        </select>
      </label>
      <label className="chart-option check">
        <input
          type="checkbox"
          checked={showOracle}
          onChange={(e) => setDisplay({ showOracle: e.target.checked })}
        />{' '}
        Oracle
      </label>
      <label className="chart-option check">
        <input
          type="checkbox"
          checked={showBaseline}
          onChange={(e) => setDisplay({ showBaseline: e.target.checked })}
        />{' '}
        Baseline
      </label>
    </>
  );
}
