/**
 * The tab bar of the lab's views: the chart and the panels one click away.
 * A WAI-ARIA tablist: one tab in the Tab order (the open one), arrow keys,
 * Home and End move between tabs and open them; the keys 1-7 work anywhere
 * (shortcuts.ts). On a narrow screen the bar scrolls inside itself.
 *
 * Owns: the tabs' markup and keyboard. Must not touch: the views' contents.
 */
import { type KeyboardEvent, useRef } from 'react';
import { TAB_IDS, type Tab } from '../../store/tabs';
import { useLab, useLabStore } from '../storeContext';
import { TAB_LABELS, tabId, tabPanelId } from './tabLabels';

/** The tab an arrow, Home or End key moves to from `tab`, if the key is one of those. */
export function tabAfterKey(tab: Tab, key: string): Tab | undefined {
  const i = TAB_IDS.indexOf(tab);
  const last = TAB_IDS.length - 1;
  if (key === 'ArrowRight') return TAB_IDS[i === last ? 0 : i + 1];
  if (key === 'ArrowLeft') return TAB_IDS[i === 0 ? last : i - 1];
  if (key === 'Home') return TAB_IDS[0];
  if (key === 'End') return TAB_IDS[last];
  return undefined;
}

export function ViewTabs() {
  const store = useLabStore();
  const open = useLab((s) => s.display.tab);
  const bar = useRef<HTMLDivElement>(null);
  const choose = (tab: Tab, focus: boolean) => {
    store.getState().setDisplay({ tab });
    if (focus) bar.current?.querySelector<HTMLElement>(`#${tabId(tab)}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const next = tabAfterKey(open, event.key);
    if (!next) return;
    // Handled here: the page's shortcuts (→ is "one day on") must not also run.
    event.preventDefault();
    choose(next, true);
  };
  return (
    <div className="view-tabs" role="tablist" aria-label="Views of the lab" ref={bar}>
      {TAB_IDS.map((tab, i) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={tabId(tab)}
          aria-selected={tab === open}
          aria-controls={tab === open ? tabPanelId(tab) : undefined}
          aria-keyshortcuts={String(i + 1)}
          tabIndex={tab === open ? 0 : -1}
          onClick={() => choose(tab, false)}
          onKeyDown={onKeyDown}
        >
          {TAB_LABELS[tab]}
        </button>
      ))}
    </div>
  );
}
