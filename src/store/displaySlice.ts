/**
 * The display slice of the lab store: how the results are shown (the chart's
 * options, open dialogs, presentation mode, the drift panel's view), kept in
 * the lab so keyboard shortcuts and shared links can reach it.
 *
 * Owns: the defaults of these options and changing them.
 * Must not touch: the run, the results or the settings.
 */
import type { Display, SliceGet, SliceSet } from './labTypes';

export interface DisplaySlice {
  display: Display;
  setDisplay(change: Partial<Display>): void;
  /** Points at an element (a CSS selector), or at nothing. */
  spotlight(selector: string | null): void;
}

/** `initial`: options a shared link opened (over the defaults). */
export function createDisplaySlice(
  set: SliceSet<DisplaySlice>,
  get: SliceGet<DisplaySlice>,
  initial: Partial<Display> = {},
): DisplaySlice {
  return {
    display: {
      rolling: 1,
      showOracle: true,
      showBaseline: true,
      tab: 'chart',
      helpOpen: false,
      settingsOpen: false,
      presenting: false,
      presentPanel: 'cards',
      glossary: null,
      driftRole: 'static',
      driftScope: 'day',
      spotlight: null,
      ...initial,
    },
    setDisplay(change) {
      set({ display: { ...get().display, ...change } });
    },
    spotlight(selector) {
      const seq = (get().display.spotlight?.seq ?? 0) + 1;
      set({
        display: { ...get().display, spotlight: selector === null ? null : { selector, seq } },
      });
    },
  };
}
