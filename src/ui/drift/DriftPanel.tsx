/**
 * The drift panel ("Watching the inputs"): for the static or the dynamic
 * model, each feature's drift today or over the rolling window, a
 * box that sets the inputs beside what they mean (input against concept
 * drift), a week-by-week strip, the selected feature's histogram against training,
 * prediction and label drift, the alert list, and why any of this matters.
 * Laid out for a column of about 900 px (two columns from 40rem of the
 * panel's own width, one below: a container query, so it follows the column
 * the lead places it in, not the window); the alert list and the feature
 * table scroll inside themselves.
 *
 * The headline states its one rule: it is the worst status of the rows on
 * screen (worstReading), so it never reads milder than a row beside it.
 *
 * Owns: the panel's layout and its local choices (model, scope, feature).
 * Must not touch: the engine; alerts jump the timeline through the store.
 */
import { useId, useMemo, useState } from 'react';
import { DRIFT_CALIBRATION, DRIFT_MEASURES, DRIFT_TITLE, DRIFT_WHY } from '../../content/drift';
import type { ModelRole } from '../../sim/contract';
import { FEATURES } from '../../sim/world/features';
import { formatDate } from '../../sim/world/calendar';
import { useCalmDays } from '../common/useThrottled';
import { Term } from '../glossary/Glossary';
import { useLab, useLabStore } from '../storeContext';
import { AlertList } from './AlertList';
import { DriftContrast } from './DriftContrast';
import { driftContrast } from './driftContrast';
import {
  alertsUpTo,
  dayLevelFeatures,
  driftSeries,
  histogramEdges,
  referenceSharesAt,
  servingWeeks,
  weeklyStrip,
  worstReading,
} from './driftData';
import { FeatureTable } from './FeatureTable';
import { HeatStrip } from './HeatStrip';
import { Histogram } from './Histogram';
import { Sparkline } from './Sparkline';
import { StatusChip } from './StatusChip';
import './drift.css';

export function DriftPanel() {
  const store = useLabStore();
  const { days, view } = useCalmDays();
  const windowDays = useLab((s) => s.settings.driftWindowDays);
  const role = useLab((s) => s.display.driftRole);
  const scope = useLab((s) => s.display.driftScope);
  const setRole = (driftRole: ModelRole) => store.getState().setDisplay({ driftRole });
  const setScope = (driftScope: 'day' | 'window') => store.getState().setDisplay({ driftScope });
  // Until the student picks one, the histogram shows the most drifted feature today.
  const [picked, setFeature] = useState<number | null>(null);
  const today = view > 0 ? days[view - 1] : undefined;
  const drift = today?.drift ?? null;
  const alerts = useMemo(() => alertsUpTo(days, view), [days, view]);
  const strip = useMemo(() => weeklyStrip(days, view, role, FEATURES.length), [days, view, role]);
  const totalWeeks = useMemo(() => servingWeeks(days, view), [days, view]);
  const edges = useMemo(() => histogramEdges(days), [days]);
  const dayLevel = useMemo(() => dayLevelFeatures(days), [days]);
  const reference = useMemo(() => referenceSharesAt(days, view, role), [days, view, role]);
  const contrast = useMemo(() => driftContrast(today, role, dayLevel), [today, role, dayLevel]);
  const series = useMemo(
    () => ({
      prediction: driftSeries(days, view, role, 'predictionDrift'),
      label: driftSeries(days, view, role, 'labelDrift'),
      calibration: driftSeries(days, view, role, 'calibrationGap'),
    }),
    [days, view, role],
  );
  const jump = (day: number) => store.getState().seek(day);
  const readings = drift ? (scope === 'day' ? drift[role].day : drift[role].window) : [];
  // The most drifted feature by status, then PSI; features that move with the
  // day only count by status on the daily view (their PSI is always high).
  const rank = { stable: 0, moderate: 1, major: 2 } as const;
  const score = (j: number) =>
    rank[readings[j].status] * 100 +
    (scope === 'day' && dayLevel.has(j) ? 0 : Math.min(readings[j].psi, 99));
  const feature = picked ?? readings.reduce((best, _, j) => (score(j) > score(best) ? j : best), 0);
  const firstServing = series.prediction[0]?.day ?? 0;
  const headline = worstReading(readings);
  const alertsTitle = useId();

  return (
    <section className="panel drift-panel" aria-labelledby="drift-title">
      <header className="panel-head">
        <h2 id="drift-title">{DRIFT_TITLE}</h2>
        <div className="segmented" role="tablist" aria-label="Model">
          {(['static', 'dynamic'] as const).map((r) => (
            <button
              key={r}
              type="button"
              role="tab"
              aria-selected={role === r}
              onClick={() => setRole(r)}
            >
              {r === 'static' ? 'Static model' : 'Dynamic model'}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label="Compare">
          <button type="button" aria-pressed={scope === 'day'} onClick={() => setScope('day')}>
            Today
          </button>
          <button
            type="button"
            aria-pressed={scope === 'window'}
            onClick={() => setScope('window')}
          >
            Last {windowDays} days
          </button>
        </div>
      </header>
      {!drift || !today ? (
        <p className="pending">
          Monitoring starts when the models start serving (the day after the collection period).
        </p>
      ) : (
        <div className="drift-grid" role="tabpanel" aria-label={`${role} model`}>
          <p className="drift-verdict drift-wide">
            {role === 'static' ? 'Static' : 'Dynamic'} model on {formatDate(today.date)}, inputs
            against{' '}
            {role === 'static' || drift[role].referenceVersion === 1
              ? 'the July–August data'
              : `version ${drift[role].referenceVersion}'s training window`}
            : <StatusChip status={headline.status} />{' '}
            <small>
              (the worst feature’s status; {headline.drifted} of {FEATURES.length} features drifted)
            </small>
          </p>
          {contrast && <DriftContrast contrast={contrast} />}
          <FeatureTable
            readings={readings}
            caption={
              scope === 'day'
                ? 'Today’s inputs against the training data'
                : `The last ${windowDays} days against the training data`
            }
            selected={feature}
            onSelect={setFeature}
            dayLevel={dayLevel}
            windowReadings={scope === 'day' ? drift[role].window : null}
            windowDays={windowDays}
          />
          <div>
            {edges && reference && (
              <Histogram
                feature={FEATURES[feature].label}
                unit={FEATURES[feature].unit}
                edges={edges[feature]}
                reference={reference[feature]}
                serving={drift.inputShares[feature]}
              />
            )}
            <Sparkline
              title="Prediction drift (mean prediction vs training)"
              points={series.prediction}
              firstDay={firstServing}
              lastDay={view}
            />
            <Sparkline
              title="Label drift (buy rate vs training)"
              points={series.label}
              firstDay={firstServing}
              lastDay={view}
            />
            <Sparkline
              title="Calibration gap (predicted vs actual buy rate)"
              points={series.calibration}
              firstDay={firstServing}
              lastDay={view}
            />
          </div>
          <div className="drift-wide">
            <h3>Week by week</h3>
            <HeatStrip rows={strip} totalWeeks={totalWeeks} onPick={jump} />
          </div>
          <div className="drift-wide">
            <h3 id={alertsTitle}>Alerts ({alerts.length})</h3>
            <AlertList alerts={alerts} labelledBy={alertsTitle} onPick={jump} />
          </div>
        </div>
      )}
      <details className="drift-why">
        <summary>Why watch inputs, and what the numbers mean</summary>
        {DRIFT_WHY.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <dl>
          {DRIFT_MEASURES.map((m) => (
            <div key={m.name}>
              <dt>{m.name}</dt>
              <dd>{m.text}</dd>
            </div>
          ))}
        </dl>
        <p>{DRIFT_CALIBRATION}</p>
        <p>
          See also: <Term id="drift">drift</Term>, <Term id="auc">AUC</Term>.
        </p>
      </details>
    </section>
  );
}
