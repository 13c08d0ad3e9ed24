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

/** What a shortcut may do beyond the lab store: the page's other stores (the chapters). */
export interface ShortcutPage {
  /** The next (+1) or previous (-1) chapter of the lesson. */
  chapterStep(step: 1 | -1): void;
}

export interface Shortcut {
  /** `KeyboardEvent.key` values that trigger it. */
  keys: string[];
  /** How the help dialog writes the key. */
  label: string;
  description: string;
  /** Only while this holds (absent: always); otherwise the key does what it does anyway. */
  when?(state: LabState): boolean;
  /** `key`: the key pressed (for a shortcut of several keys that differ). */
  run(state: LabState, key: string, page: ShortcutPage): void;
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
  { keys: [']'], label: ']', description: 'Next chapter', run: (_s, _k, p) => p.chapterStep(1) },
  {
    keys: ['['],
    label: '[',
    description: 'Previous chapter',
    run: (_s, _k, p) => p.chapterStep(-1),
  },
  {
    keys: ['PageDown'],
    label: 'Page Down',
    description: 'Next chapter, while presenting (a clicker’s forward button)',
    when: (s) => s.display.presenting,
    run: (_s, _k, p) => p.chapterStep(1),
  },
  {
    keys: ['PageUp'],
    label: 'Page Up',
    description: 'Previous chapter, while presenting (a clicker’s back button)',
    when: (s) => s.display.presenting,
    run: (_s, _k, p) => p.chapterStep(-1),
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

/**
 * The shortcut for a key press, if any (letters are matched case-insensitively);
 * with `state`, one whose `when` does not hold is none.
 */
export function shortcutFor(key: string, state?: LabState): Shortcut | undefined {
  const k = key.length === 1 ? key.toLowerCase() : key;
  return SHORTCUTS.find(
    (s) => s.keys.includes(k) && (!s.when || state === undefined || s.when(state)),
  );
}
