/**
 * The alert list: date, model, what (the feature's display name, as in the
 * table) and how big; each entry jumps the timeline to its day. The list
 * scrolls inside its own labelled, focusable region.
 *
 * Owns: the list's markup. Must not touch: when alerts are raised.
 */
import { formatDate } from '../../sim/world/calendar';
import { type DatedAlert, featureLabel } from './driftData';
import { StatusChip } from './StatusChip';

const KIND: Record<string, string> = {
  input: 'input drift',
  'ddm-warning': 'error warning (DDM)',
  'ddm-drift': 'error drift (DDM)',
  'page-hinkley': 'error drift (Page-Hinkley)',
};

export function AlertList({
  alerts,
  labelledBy,
  onPick,
}: {
  alerts: DatedAlert[];
  /** The id of the heading that names the scroll region. */
  labelledBy: string;
  onPick: (day: number) => void;
}) {
  if (alerts.length === 0) return <p className="hint">No alerts so far.</p>;
  return (
    <div
      className="drift-scroll alert-scroll"
      role="region"
      aria-labelledby={labelledBy}
      tabIndex={0}
    >
      <ol className="alert-list" aria-label="Drift alerts, newest first">
        {alerts.map(({ day, date, alert }, i) => (
          <li key={`${day}-${i}`}>
            <button type="button" className="alert-entry" onClick={() => onPick(day)}>
              <span className="alert-date">{formatDate(date)}</span>
              <span className={`alert-model model-${alert.model}`}>{alert.model}</span>
              <span className="alert-what">
                {alert.feature === null ? 'Errors' : featureLabel(alert.feature)}
              </span>
              {alert.status ? (
                <StatusChip status={alert.status} />
              ) : (
                <span className="chip chip-detector">{KIND[alert.kind]}</span>
              )}
              <span className="alert-size">
                {alert.measure}{' '}
                {alert.kind === 'input'
                  ? alert.value.toFixed(2)
                  : `${(alert.value * 100).toFixed(1)}%`}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
