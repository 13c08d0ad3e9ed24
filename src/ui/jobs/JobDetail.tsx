/**
 * One job in detail: its outcome, training window and rows, the training-loss
 * curve, the validation gate's evidence against the serving version, the data
 * gate's result, and what the version learned beside the truth of its day.
 *
 * Owns: the detail's layout and wording. Must not touch: the numbers
 * (jobsData.ts) or the engine.
 */
import { useId } from 'react';
import { formatDate } from '../../sim/world/calendar';
import { EffectsTable } from '../cards/EffectsTable';
import type { DatedJob } from './jobsData';
import { JobStatusChip } from './JobStatusChip';
import { LossCurve } from './LossCurve';
import { ValidationTable } from './ValidationTable';
import './jobDetail.css';

const number = new Intl.NumberFormat('en-GB');
/** A reason as a sentence: a capital first, a full stop last unless it has one. */
const sentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

export function JobDetail({ item, onGoTo }: { item: DatedJob; onGoTo: (day: number) => void }) {
  const { job, date, day, servingVersion, truth } = item;
  const titleId = useId();
  const learnedOk = job.effects.length > 0 && job.effects.every(Number.isFinite);
  return (
    <article className="job-detail" aria-labelledby={titleId}>
      <h3 id={titleId}>
        Job v{job.version} on {formatDate(date)}{' '}
        <JobStatusChip status={job.status} served={job.promoted} />
      </h3>
      <p className="job-outcome">
        {job.status === 'blessed'
          ? `It passed the checks${job.promoted ? ' and served from the next day' : ''}.`
          : // A job that served with the gate off has a reason that says so (and the chip does).
            `${sentence(job.reason ?? 'No reason recorded')}${job.promoted ? '' : ' The serving version stayed.'}`}{' '}
        <button type="button" className="link" onClick={() => onGoTo(day)}>
          Show {formatDate(date)} on the timeline
        </button>
      </p>
      <dl className="job-facts">
        <div>
          <dt>Training window</dt>
          <dd>
            {formatDate(job.windowStart)} to {formatDate(job.windowEnd)} ({job.trainDays} days
            trained)
          </dd>
        </div>
        <div>
          <dt>Rows</dt>
          <dd>{number.format(job.rows)}</dd>
        </div>
        <div>
          <dt>Steps</dt>
          <dd>{number.format(job.steps)}</dd>
        </div>
        <div>
          <dt>Started from</dt>
          <dd>{job.parentVersion === null ? 'fresh weights' : `v${job.parentVersion}`}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{job.durationMs.toFixed(0)} ms</dd>
        </div>
      </dl>
      {job.corruptedLabels && (
        <p className="job-warning">
          A pipeline bug scrambled this job’s copy of the labels, so it learned from wrong answers.
        </p>
      )}
      <LossCurve losses={job.losses} />

      <h4>Validation gate {job.gates.validation ? '' : '(switched off)'}</h4>
      {job.validation ? (
        <>
          <ValidationTable
            validation={job.validation}
            version={job.version}
            servingVersion={servingVersion}
          />
          {job.validation.serving === null && (
            <p className="hint">First version: checked against the accuracy floor only.</p>
          )}
        </>
      ) : (
        <p className="hint">No validation: training broke before the check.</p>
      )}
      {!job.gates.validation && (
        <p className="hint">With the gate off, these scores were recorded but did not decide.</p>
      )}

      <div className="job-check">
        <h4>Data gate {job.gates.data ? '' : '(switched off)'}</h4>
        {job.quarantined.length > 0 ? (
          <ul className="quarantine-list" aria-label="Quarantined days">
            {job.quarantined.map((q) => (
              <li key={q.date}>
                <strong>{formatDate(q.date)}</strong>: {q.reason}
              </li>
            ))}
          </ul>
        ) : (
          <p className="hint">
            {job.gates.data
              ? 'All days passed the data checks.'
              : 'Nothing was checked: every day of the window went into training.'}
          </p>
        )}
      </div>

      <details className="learned" open>
        <summary>What v{job.version} learned, beside the truth on its day</summary>
        <EffectsTable
          learned={learnedOk ? job.effects : null}
          truth={truth}
          caption={`Change in the log-odds of buying for one more unit of each feature: v${job.version} against the truth on ${formatDate(date)}.`}
        />
      </details>
    </article>
  );
}
