/**
 * A card per model (the Models view): its headline (last 7 days against the
 * serving version's own check, worst 7 days so far), how and when it was
 * trained, that check in full, days since training, its cost so far, and
 * what it learned beside the truth of the day on screen.
 *
 * Owns: the card's wording and layout.
 * Must not touch: derivations (modelFacts.ts) or the engine.
 */
import { useDeferredValue, useId, useMemo } from 'react';
import { COLLECTION_DAYS } from '../../sim/ops/schedule';
import type { ModelRole } from '../../sim/contract';
import { dateOfDay, formatDate } from '../../sim/world/calendar';
import { percent } from '../chart/chartData';
import { useLab } from '../storeContext';
import { EffectsTable } from './EffectsTable';
import { checkText } from './headline';
import { HeadlineBody, MODEL_TITLES, useHeadline } from './ModelHeadline';
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
  const settings = useLab((s) => s.settings);
  const facts = useMemo(() => modelFacts(days, view, role), [days, view, role]);
  const { check } = useHeadline(role);
  const titleId = useId();
  const today = view > 0 ? days[view - 1] : undefined;
  const start = settings.startDate;
  const collectionEnd = formatDate(dateOfDay(start, COLLECTION_DAYS));
  const staticExamples = today?.static?.examplesProcessed ?? 0;
  const workRatio =
    role === 'dynamic' && staticExamples > 0 ? facts.examplesProcessed / staticExamples : null;
  const title = MODEL_TITLES[role];

  const how =
    role === 'static'
      ? `Trained once at the end of ${collectionEnd} on the first ${COLLECTION_DAYS} days (${formatDate(start)} to ${collectionEnd}); never retrained.`
      : `Starts as a copy of the static model, then retrained ${CADENCE_TEXT[settings.cadence]} on the last ${settings.windowDays} days of labelled visits, ${settings.warmStart ? 'continuing from the serving weights' : 'from fresh weights'}${settings.labelDelay > 0 ? `; labels arrive ${settings.labelDelay} days late` : ''}.`;

  return (
    <article className={`panel model-card model-${role}`} aria-labelledby={titleId}>
      <HeadlineBody role={role} titleId={titleId} />
      <p className="how">{how}</p>
      {/* Before version 1, the headline says when it comes. */}
      {facts.trained && (
        <>
          <dl className="facts">
            <div data-evidence={`${role}-validation`}>
              <dt>Validation accuracy</dt>
              <dd>
                {percent(check?.accuracy)}
                {check && <small> {checkText(check)}</small>}
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
          <dl className="cost" data-evidence="cost" aria-label={`${title}: cost so far`}>
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
        <details className="learned" data-evidence="learned" open>
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
