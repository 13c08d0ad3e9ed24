/**
 * Starting the lab in a browser: settings from the URL over stored settings
 * over the defaults, the store with the real worker, and keeping the URL and
 * storage in step with the state.
 *
 * Owns: reading and writing `location`, `history` and `localStorage`.
 * Must not touch: React (main.tsx mounts the tree).
 */
import { defaultSettings, type Settings, type SettingsIssue } from '../sim/settings';
import { createWorkerClient } from '../worker/client/engineClient';
import { createLabStore, type LabStore, type Notice } from './labStore';
import { loadSettings, saveSettings, type SettingsStorage } from './persist';
import { browserStorage } from './storage';
import { formatUrlState, parseUrlState } from './url';

const describe = (issues: SettingsIssue[]) =>
  issues.map((i) => (i.field.startsWith('(') ? i.message : `${i.field} (${i.message})`)).join('; ');

/** The initial settings, day and notices for a page opened at `search`. */
export function initialState(
  search: string,
  stored: SettingsStorage | null,
  appVersion: string = __APP_VERSION__,
) {
  const fromStorage = loadSettings(stored);
  const fromUrl = parseUrlState(search);
  const settings: Settings = { ...defaultSettings(), ...fromStorage.settings, ...fromUrl.settings };
  const notices: Notice[] = [];
  if (fromUrl.dropped.length > 0) {
    notices.push({
      id: 'url',
      tone: 'warning',
      text: `Some values in this link could not be used, so their defaults apply: ${describe(fromUrl.dropped)}.`,
    });
  }
  if (fromStorage.dropped.length > 0) {
    notices.push({
      id: 'storage',
      tone: 'info',
      text: `Some saved settings could not be read and were reset: ${describe(fromStorage.dropped)}.`,
    });
  }
  if (fromUrl.version && fromUrl.version !== appVersion) {
    notices.push({
      id: 'version',
      tone: 'info',
      text: `This link was made with Bloomcast ${fromUrl.version}; this is ${appVersion}, so its numbers may differ from what the link's author saw.`,
    });
  }
  const day = fromUrl.day === null ? 0 : Math.min(fromUrl.day, settings.days);
  return {
    settings,
    day,
    notices,
    interventions: fromUrl.interventions,
    display: fromUrl.display,
  };
}

/** Creates the lab for this page and keeps URL and storage in step with it. */
export function bootLab(): LabStore {
  const stored = browserStorage();
  const init = initialState(window.location.search, stored);
  const store = createLabStore(createWorkerClient(), init);
  let last = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const writeUrl = () => {
    timer = null;
    const { settings, view, interventions, display } = store.getState();
    const search = formatUrlState(settings, view, interventions, __APP_VERSION__, display);
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
      timer ??= setTimeout(writeUrl, 300);
    }
  });
  return store;
}
