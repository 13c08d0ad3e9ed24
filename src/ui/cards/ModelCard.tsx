/**
 * A card per model: how and when it was trained, its validation accuracy
 * (the static one's shown before it serves), days since training, its cost
 * so far, its last week against its validation, and what it learned beside
 * the truth of the day on screen.
 *
 * Owns: the card's wording and layout.
 * Must not touch: derivations (modelFacts.ts) or the engine.
 */
import { useDeferredValue, useMemo } from 'react';
import { COLLECTION_DAYS } from '../../sim/ops/schedule';
import type { ModelRole } from '../../sim/contract';
import { dateOfDay, formatDate } from '../../sim/world/calendar';
import { percent } from '../chart/chartData';
import { SERIES_COLORS } from '../chart/chartStyle';
import { useLab } from '../storeContext';
import { EffectsTable } from './EffectsTable';
import { modelFacts } from './modelFacts';
import './cards.css';

const CADENCE_TEXT = {
  daily: 'every day',
  weekly: 'once a week',
  monthly: 'at each month’s end',
  alarm: 'whenever its error alarm goes off',
};
const number = new Intl.NumberFormat('en-GB');

export function ModelCard({ role }: { role: ModelRole }) {
  const days = useDeferredValue(useLab((s) => s.days));
  const view = useDeferredValue(useLab((s) => s.view));
  const summary = useLab((s) => s.summary);
  const settings = useLab((s) => s.settings);
  const facts = useMemo(() => modelFacts(days, view, role, summary), [days, view, role, summary]);
  const today = view > 0 ? days[view - 1] : undefined;
  const start = settings.startDate;
  const collectionEnd = formatDate(dateOfDay(start, COLLECTION_DAYS));
  const staticExamples = today?.static?.examplesProcessed ?? 0;
  const workRatio =
    role === 'dynamic' && staticExamples > 0 ? facts.examplesProcessed / staticExamples : null;
  const title = role === 'static' ? 'Static model' : 'Dynamic model';
  const gap =
    facts.recentAccuracy !== null && facts.validationAccuracy !== null
      ? facts.recentAccuracy - facts.validationAccuracy
      : null;

  const how =
    role === 'static'
      ? `Trained once at the end of ${collectionEnd} on the first ${COLLECTION_DAYS} days (${formatDate(start)} to ${collectionEnd}); never retrained.`
      : `Starts as a copy of the static model, then retrained ${CADENCE_TEXT[settings.cadence]} on the last ${settings.windowDays} days of labelled visits, ${settings.warmStart ? 'continuing from the serving weights' : 'from fresh weights'}${settings.labelDelay > 0 ? `; labels arrive ${settings.labelDelay} days late` : ''}.`;

  return (
    <article className={`panel model-card model-${role}`} aria-labelledby={`card-${role}`}>
      <h2 id={`card-${role}`}>
        <span className="swatch" style={{ background: SERIES_COLORS[role] }} /> {title}
        {facts.servingVersion !== null && <span className="version">v{facts.servingVersion}</span>}
      </h2>
      <p className="how">{how}</p>
      {!facts.trained ? (
        <p className="pending">
          Collecting data. Version 1 is trained and validated at the end of {collectionEnd} (day{' '}
          {COLLECTION_DAYS}); both models serve from the next day.
        </p>
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>Validation accuracy</dt>
              <dd>
                {percent(facts.validationAccuracy)}
                {facts.validationRows !== null && (
                  <small>
                    {' '}
                    on {number.format(facts.validationRows)} held-out July–August visits
                  </small>
                )}
              </dd>
            </div>
            <div>
              <dt>Last 7 days</dt>
              <dd>
                {facts.recentDays > 0 ? percent(facts.recentAccuracy) : 'not serving yet'}
                {gap !== null && (
                  <small className={gap < -0.05 ? 'bad' : gap > 0.01 ? 'good' : ''}>
                    {' '}
                    {gap >= 0 ? '+' : '−'}
                    {Math.abs(gap * 100).toFixed(1)} points vs validation
                  </small>
                )}
              </dd>
            </div>
            <div>
              <dt>Days since its training data ended</dt>
              <dd>{facts.versionAgeDays ?? '–'}</dd>
            </div>
            <div>
              <dt>Last training job</dt>
              <dd>
                {facts.lastJobDate ? formatDate(facts.lastJobDate) : '–'}
                {facts.lastJob && (
                  <small>
                    {' '}
                    v{facts.lastJob.version}, {number.format(facts.lastJob.rows)} rows,{' '}
                    {facts.lastJob.steps} steps{facts.lastJob.released ? '' : ', failed'}
                  </small>
                )}
              </dd>
            </div>
          </dl>
          <dl className="cost" aria-label={`${title}: cost so far`}>
            <div>
              <dt>Training runs</dt>
              <dd>{number.format(facts.trainingRuns)}</dd>
            </div>
            <div>
              <dt>Examples processed</dt>
              <dd>{number.format(facts.examplesProcessed)}</dd>
            </div>
            <div>
              <dt>Releases</dt>
              <dd>{number.format(facts.releases)}</dd>
            </div>
            <div>
              <dt>Training time</dt>
              <dd>{(facts.trainingMs / 1000).toFixed(2)} s</dd>
            </div>
            <div>
              <dt>Rejected / failed jobs</dt>
              <dd>
                {facts.rejectedJobs} / {facts.failedJobs}
              </dd>
            </div>
          </dl>
          {workRatio !== null && (
            <p className="work-ratio">
              {workRatio.toFixed(1)}× the static model’s training work so far ({facts.trainingRuns}{' '}
              runs against 1).
            </p>
          )}
        </>
      )}
      {today && (
        <details className="learned" open>
          <summary>What it learned, beside the truth on {formatDate(today.date)}</summary>
          <EffectsTable
            learned={today.effects[role]}
            truth={today.effects.truth}
            caption={`Change in the log-odds of buying for one more unit of each feature (yes/no: yes against no). ${settings.model === 'mlp' ? 'The MLP has no single weight per feature: this is its average effect over the day’s visitors.' : 'For the logistic model this is its weight in the feature’s own unit.'}`}
          />
        </details>
      )}
    </article>
  );
}
