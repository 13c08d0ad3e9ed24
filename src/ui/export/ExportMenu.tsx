/**
 * Export: the run's days as CSV (the command line's writer), the chart as SVG
 * or PNG, and the settings as a scenario JSON file that the settings drawer
 * (and `npm run simulate`) can read back.
 *
 * Owns: the export buttons and file names. Must not touch: the run.
 */
import { formatDaysCsv } from '../../sim/csv';
import { useLab, useLabStore } from '../storeContext';
import { chartPng, chartSvg, download } from './download';
import './export.css';

/** `chart`: the chart's SVG, for its SVG and PNG exports (without it, only the data and settings). */
export function ExportMenu({ chart }: { chart?: () => SVGSVGElement | null }) {
  const store = useLabStore();
  const have = useLab((s) => s.days.length);
  const base = () => {
    const { scenario, seed } = store.getState().settings;
    return `bloomcast-${scenario}-seed${seed}`;
  };
  const report = (error: unknown) =>
    store.getState().addNotice({
      id: 'export',
      tone: 'warning',
      text: `The export failed: ${error instanceof Error ? error.message : String(error)}`,
    });
  return (
    <details className="export-menu">
      <summary>Export</summary>
      <div className="export-buttons" role="group" aria-label="Export">
        <button
          type="button"
          disabled={have === 0}
          onClick={() =>
            download(`${base()}.csv`, formatDaysCsv(store.getState().days), 'text/csv')
          }
        >
          Days as CSV ({have})
        </button>
        {chart && (
          <>
            <button
              type="button"
              onClick={() => {
                const svg = chart();
                if (svg) download(`${base()}-chart.svg`, chartSvg(svg), 'image/svg+xml');
                else report(new Error('switch to the chart first'));
              }}
            >
              Chart as SVG
            </button>
            <button
              type="button"
              onClick={() => {
                const svg = chart();
                if (!svg) return report(new Error('switch to the chart first'));
                chartPng(svg).then((png) => download(`${base()}-chart.png`, png), report);
              }}
            >
              Chart as PNG
            </button>
          </>
        )}
        <button
          type="button"
          onClick={() =>
            download(
              `${base()}-settings.json`,
              `${JSON.stringify(store.getState().settings, null, 2)}\n`,
              'application/json',
            )
          }
        >
          Settings as JSON
        </button>
      </div>
    </details>
  );
}
