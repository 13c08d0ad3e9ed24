/**
 * What each view is called on its tab and in the shortcuts list.
 *
 * Owns: the views' names on screen. Must not touch: their ids and order
 * (src/store/tabs.ts) or their contents.
 */
import type { Tab } from '../../store/tabs';

export const TAB_LABELS: Record<Tab, string> = {
  chart: 'Chart',
  models: 'The two models',
  inputs: 'Watching the inputs',
  jobs: 'Training jobs',
  compare: 'Compare strategies',
  quiz: 'Quizzes',
  table: 'Data table',
};

/** The id of a view's tab button and of its panel (for aria-controls/labelledby). */
export const tabId = (tab: Tab) => `tab-${tab}`;
export const tabPanelId = (tab: Tab) => `view-${tab}`;
