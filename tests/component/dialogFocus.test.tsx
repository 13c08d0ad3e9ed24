/**
 * Closing a dialog gives focus back to what opened it: the button clicked, or,
 * when a key opened it from the page, the button that opens it (`?` for the
 * shortcuts, Settings for the drawer). Escape and the dialog's own buttons
 * both count as closing.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/sim/settings';
import { createLabStore } from '../../src/store/labStore';
import { App } from '../../src/ui/App';
import { LabStoreProvider } from '../../src/ui/storeContext';
import { inProcessClient } from '../support/inProcessClient';

function renderLab() {
  const store = createLabStore(inProcessClient('cpu'), {
    settings: { ...defaultSettings(), days: 70, visitorsPerDay: 100 },
  });
  render(
    <LabStoreProvider store={store}>
      <App />
    </LabStoreProvider>,
  );
  return userEvent.setup();
}

const helpButton = () => screen.getByRole('button', { name: 'Keyboard shortcuts' });
const settingsButton = () => screen.getByRole('button', { name: 'Settings' });
const dialog = (name: string) => screen.queryByRole('dialog', { name });

/** Focus on the page itself, as after clicking on plain text. */
function focusPage() {
  (document.activeElement as HTMLElement | null)?.blur();
  expect(document.activeElement).toBe(document.body);
}

describe('focus after a dialog closes', () => {
  it('Esc from the shortcuts opened with ? goes back to the ? button', async () => {
    const user = renderLab();
    focusPage();
    await user.keyboard('?');
    expect(dialog('Keyboard shortcuts')).not.toBeNull();
    expect(document.activeElement?.textContent).toBe('Close');
    await user.keyboard('{Escape}');
    expect(dialog('Keyboard shortcuts')).toBeNull();
    expect(document.activeElement).toBe(helpButton());
  });

  it('Esc from the shortcuts opened by clicking ? goes back to the ? button', async () => {
    const user = renderLab();
    await user.click(helpButton());
    await user.keyboard('{Escape}');
    expect(dialog('Keyboard shortcuts')).toBeNull();
    expect(document.activeElement).toBe(helpButton());
  });

  it('the settings drawer, opened with S or its button, gives focus back to that button', async () => {
    const user = renderLab();
    focusPage();
    await user.keyboard('s');
    expect(dialog('Settings')).not.toBeNull();
    await user.keyboard('{Escape}');
    expect(dialog('Settings')).toBeNull();
    expect(document.activeElement).toBe(settingsButton());

    focusPage();
    await user.click(settingsButton());
    const drawer = screen.getByRole('dialog', { name: 'Settings' });
    await user.click(within(drawer).getByRole('button', { name: 'Cancel' }));
    expect(dialog('Settings')).toBeNull();
    expect(document.activeElement).toBe(settingsButton());
  });

  it('the glossary gives focus back to the term that opened it', async () => {
    const user = renderLab();
    const term = screen.getByRole('button', { name: 'Accuracy' });
    await user.click(term);
    expect(dialog('Glossary')).not.toBeNull();
    await user.keyboard('{Escape}');
    expect(dialog('Glossary')).toBeNull();
    expect(document.activeElement).toBe(term);
  });
});
