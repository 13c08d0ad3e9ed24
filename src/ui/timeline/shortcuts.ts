/**
 * The lab's keyboard shortcuts: one list, read by the key handler and the
 * help dialog, so the two cannot disagree.
 *
 * Owns: which key does what.
 * Must not touch: the DOM (useShortcuts.ts listens).
 */
import { type LabState, SPEEDS, type Speed } from '../../store/labStore';
import { TAB_IDS } from '../../store/tabs';
import { TAB_LABELS } from '../layout/tabLabels';

export interface Shortcut {
  /** `KeyboardEvent.key` values that trigger it. */
  keys: string[];
  /** How the help dialog writes the key. */
  label: string;
  description: string;
  /** `key`: the key pressed (for a shortcut of several keys that differ). */
  run(state: LabState, key: string): void;
}

export const SHORTCUTS: Shortcut[] = [
  {
    keys: [' ', 'k'],
    label: 'Space or K',
    description: 'Play or pause',
    run: (s) => s.togglePlay(),
  },
  {
    keys: ['d', 'ArrowRight'],
    label: 'D or →',
    description: 'One day on',
    run: (s) => s.stepDays(1),
  },
  { keys: ['w'], label: 'W', description: 'One week on', run: (s) => s.stepDays(7) },
  { keys: ['m'], label: 'M', description: 'To the end of the month', run: (s) => s.stepMonth() },
  { keys: ['ArrowLeft'], label: '←', description: 'One day back', run: (s) => s.seek(s.view - 1) },
  {
    keys: ['e'],
    label: 'E',
    description:
      'To the next event (a holiday rush, a drift alert, an outage, a blocked job, a rollback)',
    run: (s) => s.nextEvent(),
  },
  { keys: ['End'], label: 'End', description: 'Run to the end', run: (s) => s.runToEnd() },
  { keys: ['Home'], label: 'Home', description: 'Back to the first day', run: (s) => s.seek(0) },
  { keys: ['r'], label: 'R', description: 'Reset the run', run: (s) => s.reset() },
  {
    keys: ['+', '='],
    label: '+',
    description: 'Play faster',
    run: (s) => s.setSpeed(nextSpeed(s.speed, 1)),
  },
  {
    keys: ['-'],
    label: '−',
    description: 'Play slower',
    run: (s) => s.setSpeed(nextSpeed(s.speed, -1)),
  },
  {
    keys: ['t'],
    label: 'T',
    description: 'The chart or the data table',
    run: (s) => s.setDisplay({ tab: s.display.tab === 'table' ? 'chart' : 'table' }),
  },
  {
    keys: TAB_IDS.map((_, i) => String(i + 1)),
    label: `1 to ${TAB_IDS.length}`,
    description: `Open a view: ${TAB_IDS.map((t, i) => `${i + 1} ${TAB_LABELS[t]}`).join(', ')}`,
    run: (s, key) => s.setDisplay({ tab: TAB_IDS[Number(key) - 1] ?? 'chart' }),
  },
  {
    keys: ['p'],
    label: 'P',
    description: 'Presentation mode on or off',
    run: (s) => s.setDisplay({ presenting: !s.display.presenting }),
  },
  {
    keys: ['s'],
    label: 'S',
    description: 'Open the settings',
    run: (s) => s.setDisplay({ settingsOpen: true }),
  },
  {
    keys: ['g'],
    label: 'G',
    description: 'The glossary',
    run: (s) => s.setDisplay({ glossary: 'accuracy' }),
  },
  {
    keys: ['?'],
    label: '?',
    description: 'This list of shortcuts',
    run: (s) => s.setDisplay({ helpOpen: true }),
  },
];

function nextSpeed(speed: Speed, direction: 1 | -1): Speed {
  const i = SPEEDS.indexOf(speed) + direction;
  return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, i))];
}

/** The shortcut for a key press, if any (letters are matched case-insensitively). */
export function shortcutFor(key: string): Shortcut | undefined {
  const k = key.length === 1 ? key.toLowerCase() : key;
  return SHORTCUTS.find((s) => s.keys.includes(k));
}
