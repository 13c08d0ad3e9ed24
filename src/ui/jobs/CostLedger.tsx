/**
 * The cost ledger, dynamic against static: how many times the training work,
 * then each total side by side (runs, examples, releases, time, rejected and
 * failed jobs).
 *
 * Owns: the ledger's wording and table. Must not touch: how costs are counted.
 */
import { formatTimes, type Ledger, type LedgerComparison } from './jobsData';

const number = new Intl.NumberFormat('en-GB');

const ROWS: { key: keyof Ledger; label: string; show: (v: number) => string }[] = [
  { key: 'trainingRuns', label: 'Training runs', show: (v) => number.format(v) },
  { key: 'examplesProcessed', label: 'Examples processed', show: (v) => number.format(v) },
  { key: 'releases', label: 'Releases (versions that served)', show: (v) => number.format(v) },
  { key: 'trainingMs', label: 'Training time', show: (v) => `${(v / 1000).toFixed(2)} s` },
  { key: 'rejectedJobs', label: 'Rejected jobs', show: (v) => number.format(v) },
  { key: 'failedJobs', label: 'Failed jobs', show: (v) => number.format(v) },
];

export function CostLedger({ ledger }: { ledger: LedgerComparison }) {
  const { static: s, dynamic: d, examplesRatio } = ledger;
  const runs = (n: number) => `${number.format(n)} ${n === 1 ? 'run' : 'runs'}`;
  return (
    <div className="cost-ledger">
      <p className="ledger-sentence">
        {examplesRatio === null
          ? 'The static model has not trained yet.'
          : `The dynamic model has done ${formatTimes(examplesRatio)}× the training work of the static one: ${runs(d.trainingRuns)} against ${number.format(s.trainingRuns)}, ${number.format(d.examplesProcessed)} examples against ${number.format(s.examplesProcessed)}.`}{' '}
        {d.rejectedJobs + d.failedJobs > 0 &&
          `Of its jobs, ${number.format(d.rejectedJobs)} ${d.rejectedJobs === 1 ? 'was' : 'were'} rejected and ${number.format(d.failedJobs)} failed.`}
      </p>
      <table className="jobs-table ledger-table">
        <caption>Training cost so far</caption>
        <thead>
          <tr>
            <th scope="col">Cost</th>
            <th scope="col">Static model</th>
            <th scope="col">Dynamic model</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(({ key, label, show }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>{show(s[key])}</td>
              <td>{show(d[key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
