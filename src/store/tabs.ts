/**
 * The lab's views: the chart (the start view, with the lesson beside it) and
 * the panels one click or one key away. A link carries the open view
 * (`tab=`), so a teacher can send "the training jobs at day 160".
 *
 * Owns: the views' ids and order (the tab bar, the keys 1-7 and the link all
 * read this list).
 * Must not touch: their labels or layout (src/ui/layout).
 */
export const TAB_IDS = ['chart', 'models', 'inputs', 'jobs', 'compare', 'quiz', 'table'] as const;

export type Tab = (typeof TAB_IDS)[number];

export const isTab = (text: string): text is Tab => (TAB_IDS as readonly string[]).includes(text);
