/**
 * Feature x week: each cell one week of one feature, coloured by the worst
 * status that week, with its mean daily PSI in the cell's label.
 *
 * Owns: the strip's markup. Must not touch: the weekly numbers (driftData.ts).
 */
import { FEATURES } from '../../sim/world/features';
import { formatDate } from '../../sim/world/calendar';
import type { WeekCell } from './driftData';

export function HeatStrip({
  rows,
  totalWeeks,
  onPick,
}: {
  rows: WeekCell[][];
  /** Weeks since serving began; more than the rows hold when the strip shows only the latest. */
  totalWeeks: number;
  onPick: (day: number) => void;
}) {
  const weeks = rows[0]?.length ?? 0;
  return (
    <figure className="heat-strip" aria-label="Drift status of each feature, week by week">
      <div
        className="heat-grid"
        style={{
          gridTemplateColumns: `minmax(4.5rem, 11em) repeat(${Math.max(weeks, 1)}, minmax(3px, 1fr))`,
        }}
      >
        {FEATURES.map((f, j) => (
          <div className="heat-row" key={f.id} role="group" aria-label={f.label}>
            <span className="heat-label">{f.label}</span>
            {rows[j].map((cell) => (
              <button
                type="button"
                key={cell.day}
                className={`heat-cell heat-${cell.status}`}
                title={`${f.label}, week of ${formatDate(cell.date)}: ${cell.status}, mean daily PSI ${cell.psi.toFixed(2)}`}
                aria-label={`${f.label}, week of ${formatDate(cell.date)}: ${cell.status}`}
                onClick={() => onPick(cell.day)}
              />
            ))}
          </div>
        ))}
      </div>
      <figcaption>
        {totalWeeks > weeks
          ? `One column per week: the latest ${weeks} of the ${totalWeeks} weeks since serving began, up to the day on screen. `
          : 'One column per week since serving began. '}
        Green: stable, amber: moderate, red: major. Select a week to jump there.
      </figcaption>
    </figure>
  );
}
