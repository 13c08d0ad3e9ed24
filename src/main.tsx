/**
 * The app's entry point: boots the lab's store (URL, storage, worker) and
 * mounts the React tree.
 * Owns: the mount, creating the page's stores (the lab, the chapters, the
 * quiz), and handing the chapters' start-up notice to the lab's notices.
 */
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/layout/layout.css';
import './ui/styles/components.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { bootLab } from './store/boot';
import { keepForOffline } from './store/offline';
import { browserStorage } from './store/storage';
import { chapterStorageNotice, createChapterStore } from './store/chapterProgress';
import { createQuizStore } from './store/quizProgress';
import { App } from './ui/App';
import { LabStoreProvider } from './ui/storeContext';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The chapters' store first: a link's chapter opens in it as the lab boots.
const chapters = createChapterStore({ storage: browserStorage() });
const store = bootLab(chapters);
const quiz = createQuizStore({ storage: browserStorage() });
// Stored chapter progress is read now, so a corrupted one is reported at
// start-up, beside the lab's other notices.
const chapterNotice = chapterStorageNotice(chapters.getState().dropped);
if (chapterNotice !== null) {
  store.getState().addNotice({ id: 'chapters-storage', tone: 'info', text: chapterNotice });
}
keepForOffline(
  new Promise((resolve) => {
    const stop = store.subscribe((s) => {
      if (s.backend) {
        stop();
        resolve(s.backend);
      }
    });
  }),
);
// A transition renders the first frame in slices, so the page never blocks
// for one long task while React and the chart set up.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <LabStoreProvider store={store}>
        <App quiz={quiz} chapters={chapters} />
      </LabStoreProvider>
    </StrictMode>,
  );
});
