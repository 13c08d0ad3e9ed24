/**
 * The app's entry point: boots the lab's store (URL, storage, worker) and
 * mounts the React tree.
 * Owns: the mount, and handing the tour's start-up notice to the lab's notices.
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
import { createTourStore, tourStorageNotice } from './store/tourProgress';
import { createQuizStore } from './store/quizProgress';
import { App } from './ui/App';
import { LabStoreProvider } from './ui/storeContext';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const store = bootLab();
const quiz = createQuizStore({ storage: browserStorage() });
const tour = createTourStore({ storage: browserStorage() });
// Stored tour progress is read now, so a corrupted one is reported at start-up
// (beside the lab's other notices), not only when the tour is opened.
const tourNotice = tourStorageNotice(tour.getState().dropped);
if (tourNotice !== null) {
  store.getState().addNotice({ id: 'tour-storage', tone: 'info', text: tourNotice });
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
        <App quiz={quiz} tour={tour} />
      </LabStoreProvider>
    </StrictMode>,
  );
});
