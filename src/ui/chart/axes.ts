/**
 * The date and accuracy axes both accuracy charts share (the lab's chart and
 * the strategy comparison), as props to spread on Recharts' XAxis and YAxis.
 *
 * Owns: the axes' look, ticks and labels. Must not touch: Recharts itself
 * (plain objects, so this loads with either chart's chunk and nothing more).
 */
import type { MonthMark } from '../../sim/world/calendar';

/** Days along the bottom, with a month mark's label at each of its days. */
export function dateAxis(months: readonly MonthMark[], domain: [number, number]) {
  return {
    dataKey: 'day',
    type: 'number' as const,
    domain,
    ticks: months.map((m) => m.day),
    tickFormatter: (day: number) => months.find((m) => m.day === day)?.label ?? '',
    allowDataOverflow: true,
    label: { value: 'Simulated date', position: 'insideBottom' as const, offset: -18 },
    stroke: 'var(--axis)',
  };
}

/** Accuracy as a percentage, from `floor` to 100%. */
export function accuracyAxis(floor: number) {
  return {
    domain: [floor, 1] as [number, number],
    tickFormatter: (v: number) => `${Math.round(v * 100)}%`,
    allowDataOverflow: true,
    width: 64,
    label: { value: 'Accuracy (%)', angle: -90, position: 'insideLeft' as const, offset: 10 },
    stroke: 'var(--axis)',
  };
}
