/**
 * A bench target and its verdict, for `npm run bench` (bench/run.ts) and the
 * parts that bring their own targets (bench/browser.ts).
 *
 * Owns: the check's shape as results.json keeps it and its printed line.
 * Must not touch: measuring. A missed target is reported, never an exit code.
 */
export type Unit = 'ms' | 'x' | 'KB' | '/s' | 'tasks';

export interface TargetCheck {
  name: string;
  value: number;
  target: number;
  unit: Unit;
  /** 'max': pass at or under the target (most figures); 'min': at or over it (a redraw rate). */
  kind: 'max' | 'min';
  pass: boolean;
}

/** Passes when `value` is at most `target`. */
export function check(name: string, value: number, target: number, unit: Unit): TargetCheck {
  return { name, value, target, unit, kind: 'max', pass: value <= target };
}

/** Passes when `value` is at least `target`. */
export function checkAtLeast(name: string, value: number, target: number, unit: Unit): TargetCheck {
  return { name, value, target, unit, kind: 'min', pass: value >= target };
}

/** "PASS  name: value unit (target <= t unit)". */
export function checkLine(c: TargetCheck): string {
  const digits = c.unit === 'x' || c.unit === '/s' ? 2 : 0;
  const verdict = c.pass ? 'PASS' : 'FAIL';
  const op = c.kind === 'min' ? '>=' : '<=';
  return `${verdict}  ${c.name}: ${c.value.toFixed(digits)} ${c.unit} (target ${op} ${c.target} ${c.unit})`;
}
