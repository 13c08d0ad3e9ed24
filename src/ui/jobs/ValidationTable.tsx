/**
 * The validation gate's evidence for one job: the candidate against the
 * serving version on the same held-out day(s), accuracy and log loss, with
 * the difference.
 *
 * Owns: the table's markup and wording. Must not touch: the gate's rules.
 */
import type { ValidationRecord } from '../../sim/contract';
import { formatDate } from '../../sim/world/calendar';
import { percent } from '../chart/chartData';

const sign = (v: number) => (v >= 0 ? '+' : '−');
const points = (v: number) => `${sign(v)}${Math.abs(v * 100).toFixed(1)} points`;
const loss = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'not a number');
const lossDiff = (v: number) => (Number.isFinite(v) ? `${sign(v)}${Math.abs(v).toFixed(3)}` : '–');

export function ValidationTable({
  validation,
  version,
  servingVersion,
}: {
  validation: ValidationRecord;
  version: number;
  servingVersion: number;
}) {
  const { candidate, serving } = validation;
  const when =
    validation.from === validation.to
      ? formatDate(validation.from)
      : `${formatDate(validation.from)} to ${formatDate(validation.to)}`;
  return (
    <table className="jobs-table validation-table">
      <caption>
        Held-out check on {when}: {validation.rows.toLocaleString('en-GB')} visits the job never
        trained on
      </caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Candidate v{version}</th>
          {serving && <th scope="col">Serving v{servingVersion}</th>}
          {serving && <th scope="col">Difference</th>}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Accuracy (higher is better)</th>
          <td>{percent(candidate.accuracy)}</td>
          {serving && <td>{percent(serving.accuracy)}</td>}
          {serving && <td>{points(candidate.accuracy - serving.accuracy)}</td>}
        </tr>
        <tr>
          <th scope="row">Log loss (lower is better)</th>
          <td>{loss(candidate.logLoss)}</td>
          {serving && <td>{loss(serving.logLoss)}</td>}
          {serving && <td>{lossDiff(candidate.logLoss - serving.logLoss)}</td>}
        </tr>
      </tbody>
    </table>
  );
}
