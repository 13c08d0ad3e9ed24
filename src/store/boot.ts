/**
 * Starting the lab in a browser, by the link rule (shared/DESIGN.md): a link
 * (a query with any lab parameter) opens its own settings over the lesson's
 * defaults and never reads stored settings; a bare visit opens the stored
 * settings over the defaults, with a notice naming how they differ from the
 * lesson's and one button back to them. Then the store with the real worker,
 * keeping the URL and storage in step with the state, and a notice for each
 * rollback the run refused. A link with `chapter=N` opens chapter N in the
 * lesson's settings of this version (its world, day, view and element pointed
 * at) under whatever else the link states; while a chapter is open the URL
 * carries it.
 *
 * Owns: reading and writing `location`, `history` and `localStorage`.
 * Must not touch: React (main.tsx mounts the tree).
 */
import { CHAPTERS } from '../content/chapters';
import type { DayResult } from '../sim/contract';
import { defaultSettings, type Settings } from '../sim/settings';
import { createWorkerClient } from '../worker/client/engineClient';
import { describeIssues, linkIssueText, storedIssueText } from './issueWords';
import { createLabStore, type LabInit, type LabStore, type Notice } from './labStore';
import { loadSettings, saveSettings, type SettingsStorage } from './persist';
import { savedSettingsNotice } from './savedSettings';
import type { ChapterStore } from './chapterProgress';
import { chapterLessonSettings } from './chapterWorld';
import { browserStorage } from './storage';
import { formatUrlState, isLabLink, parseUrlState } from './url';

/** The initial settings, day and notices for a page opened at `search`. */
export function initialState(
  search: string,
  stored: SettingsStorage | null,
  appVersion: string = __APP_VERSION__,
) {
  const fromStorage = loadSettings(stored);
  const fromUrl = parseUrlState(search);
  const link = isLabLink(search);
  const chapter = fromUrl.chapter === null ? undefined : CHAPTERS[fromUrl.chapter - 1];
  // A link never mixes in stored settings: what it does not state is the
  // lesson's default, or with a chapter, the chapter's lesson settings.
  const settings: Settings = {
    ...(chapter ? chapterLessonSettings(chapter) : defaultSettings()),
    ...(link ? {} : fromStorage.settings),
    ...fromUrl.settings,
  };
  const notices: Notice[] = [];
  const saved = link ? null : savedSettingsNotice(settings);
  if (saved) notices.push(saved);
  if (fromUrl.dropped.length > 0) {
    notices.push({
      id: 'url',
      tone: 'warning',
      text: `Some values in this link could not be used, so their defaults apply: ${describeIssues(fromUrl.dropped, linkIssueText)}.`,
    });
  }
  if (fromStorage.dropped.length > 0) {
    notices.push({
      id: 'storage',
      tone: 'info',
      text: `Some saved settings could not be read and were reset: ${describeIssues(fromStorage.dropped, storedIssueText)}.`,
    });
  }
  if (fromUrl.version && fromUrl.version !== appVersion) {
    notices.push({
      id: 'version',
      tone: 'info',
      text: `This link was made with Bloomcast ${fromUrl.version}; this is ${appVersion}, so its numbers may differ from what the link's author saw.`,
    });
  }
  const urlDay = fromUrl.day ?? chapter?.day?.(settings) ?? 0;
  const day = Math.min(urlDay, settings.days);
  const interventions =
    chapter && fromUrl.interventions.length === 0
      ? [...(chapter.interventions ?? [])]
      : fromUrl.interventions;
  const display: LabInit['display'] = chapter
    ? { tab: chapter.view, spotlight: { selector: chapter.spotlight, seq: 1 }, ...fromUrl.display }
    : fromUrl.display;
  return {
    settings,
    day,
    notices,
    interventions,
    display,
    /** The chapter the link opens (index into CHAPTERS), or null. */
    chapter: chapter ? (fromUrl.chapter ?? 1) - 1 : null,
  };
}

/** The id of the notice naming the rollbacks the run refused. */
export const REFUSED_ROLLBACK_NOTICE = 'rollback-refused';

/** The rollbacks a day's audit log records as refused, as "day 80: rollback to v12 refused: why". */
export const refusedRollbacks = (day: DayResult): string[] =>
  day.audit
    .filter((a) => a.action === 'rollback' && /^rollback to v\d+ refused/.test(a.why))
    .map((a) => `day ${day.day}: ${a.why}`);

/**
 * Keeps one notice naming every rollback the current run refused (the audit
 * log says so too): a link can ask for a version that never served, which
 * only the run can tell.
 */
function watchRefusedRollbacks(store: LabStore) {
  let refused: string[] = [];
  store.subscribe((state, previous) => {
    if (state.days === previous.days) return;
    // Days are appended, or cut back when a run starts again: those before the cut stand.
    const kept = Math.min(state.days.length, previous.days.length);
    const next = [
      ...refused.filter((r) => Number(/^day (\d+)/.exec(r)?.[1]) <= kept),
      ...state.days.slice(kept).flatMap(refusedRollbacks),
    ];
    if (next.length === refused.length && next.every((r, i) => r === refused[i])) return;
    refused = next;
    if (refused.length === 0) {
      state.dismissNotice(REFUSED_ROLLBACK_NOTICE);
      return;
    }
    state.addNotice({
      id: REFUSED_ROLLBACK_NOTICE,
      tone: 'warning',
      text: `A rollback could not happen, so the run went on without it: ${refused.slice(0, 3).join('; ')}${refused.length > 3 ? ` and ${refused.length - 3} more` : ''}.`,
    });
  });
}

/**
 * Creates the lab for this page and keeps URL and storage in step with it.
 * `chapters`: the lesson's chapters' store; a link's chapter opens there, and
 * the chapter open is written in the URL.
 */
export function bootLab(chapters?: ChapterStore): LabStore {
  const stored = browserStorage();
  const init = initialState(window.location.search, stored);
  const store = createLabStore(createWorkerClient(), init);
  if (chapters && init.chapter !== null) chapters.getState().openAt(init.chapter);
  watchRefusedRollbacks(store);
  let last = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const writeUrl = () => {
    timer = null;
    const { settings, view, interventions, display } = store.getState();
    const open = chapters?.getState().open ?? null;
    const search = formatUrlState(
      settings,
      view,
      interventions,
      __APP_VERSION__,
      display,
      open === null ? null : open + 1,
    );
    if (search !== last && search !== window.location.search) {
      window.history.replaceState(
        null,
        '',
        `${window.location.pathname}${search}${window.location.hash}`,
      );
    }
    last = search;
  };
  store.subscribe((state, previous) => {
    if (state.settings !== previous.settings) {
      if (!saveSettings(stored, state.settings)) {
        state.addNotice({
          id: 'storage-write',
          tone: 'info',
          text: 'Settings could not be saved in this browser; they still apply until you close the page.',
        });
      }
    }
    // Never rewrite the URL before the shared day is on screen.
    const changed =
      state.view !== previous.view ||
      state.settings !== previous.settings ||
      state.interventions !== previous.interventions ||
      state.display !== previous.display;
    if (changed && state.view >= Math.min(init.day, state.target)) {
      // While a run streams in, rarely: each rewrite of the address costs the page ~10 ms.
      timer ??= setTimeout(writeUrl, state.status === 'paused' ? 300 : 1500);
    }
  });
  chapters?.subscribe((state, previous) => {
    if (state.open !== previous.open) timer ??= setTimeout(writeUrl, 300);
  });
  return store;
}
