/**
 * The whole lab rendered for a component test: a store over the in-process
 * engine (cpu backend) with the given settings, the App in its provider, and
 * a user-event session.
 *
 * Owns: that setup. Must not touch: what a test asserts.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Settings } from '../../src/sim/settings';
import { createLabStore, type LabStore } from '../../src/store/labStore';
import { App } from '../../src/ui/App';
import { LabStoreProvider } from '../../src/ui/storeContext';
import { inProcessClient } from '../support/inProcessClient';

export function renderLab(settings: Settings): {
  store: LabStore;
  user: ReturnType<typeof userEvent.setup>;
} {
  const store = createLabStore(inProcessClient('cpu'), { settings });
  render(
    <LabStoreProvider store={store}>
      <App />
    </LabStoreProvider>,
  );
  return { store, user: userEvent.setup() };
}
