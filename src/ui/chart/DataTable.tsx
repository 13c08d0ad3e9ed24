/**
 * The chart's numbers as a table, so nothing is shown only as a picture.
 *
 * Owns: table markup (caption, column headers, one row per shown day).
 * Must not touch: the numbers themselves (chartData.ts prepares them).
 */
import { formatDate } from '../../sim/world/calendar';
import { type ChartRow, percent, SERIES_LABELS, type SeriesKey } from './chartData';

/** Column names narrow enough for a phone. */
const SHORT_LABELS: Record<SeriesKey, string> = {
  static: 'Static',
  dynamic: 'Dynamic',
  oracle: 'Oracle',
  baseline: 'Baseline',
};

export function DataTable({
  rows,
  series,
  rolling,
  events,
}: {
  rows: ChartRow[];
  series: SeriesKey[];
  rolling: number;
  /** Notes per day (holidays, jobs), keyed by day number. */
  events: Map<number, string>;
}) {
  return (
    <div
      className="table-scroll accuracy-table-scroll"
      tabIndex={0}
      role="region"
      aria-label="Table of accuracy by day"
    >
      <table className="data-table accuracy-table">
        <caption>
          Accuracy per simulated day
          {rolling > 1 ? `, trailing mean over ${rolling} days` : ''}. {rows.length} days shown.
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            {series.map((key) => (
              <th scope="col" key={key}>
                {/* A phone shows the short name; a screen reader always reads the full one. */}
                <span className="th-long">{SERIES_LABELS[key]}</span>
                <span className="th-short" aria-hidden="true">
                  {SHORT_LABELS[key]}
                </span>
              </th>
            ))}
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.day} data-date={row.date}>
              <th scope="row">{formatDate(row.date)}</th>
              {series.map((key) => (
                <td key={key} data-series={key}>
                  {percent(row[key])}
                </td>
              ))}
              <td>{events.get(row.day) ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
