/**
 * The accuracy chart's numbers as a view of their own: one row per simulated
 * day up to the one on screen, with the same lines and rolling mean as the
 * chart (and the same options), the notes of each day (holidays, jobs), and
 * the export. The rows scroll inside the table's own region, so the page
 * stays about a screen long; nothing scrolls sideways on a phone.
 *
 * Owns: the panel around the table. Must not touch: the numbers
 * (chartData.ts) or the table's markup (DataTable.tsx).
 */
import { ExportMenu } from '../export/ExportMenu';
import { ChartOptions } from './ChartOptions';
import { DataTable } from './DataTable';
import { useChartData, useDayNotes } from './useChartData';
import './chart.css';

export function DataTablePanel() {
  const data = useChartData();
  const notes = useDayNotes(data);
  return (
    <section className="panel table-panel" aria-labelledby="table-title">
      <header className="panel-head">
        <h2 id="table-title">Accuracy by day</h2>
        <div className="chart-controls">
          <ExportMenu />
          <ChartOptions />
        </div>
      </header>
      <DataTable rows={data.rows} series={data.series} rolling={data.rolling} events={notes} />
    </section>
  );
}
