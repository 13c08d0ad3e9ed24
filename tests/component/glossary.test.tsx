/** The glossary opens at the term a panel marks, and by its key. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, GLOSSARY_IDS } from '../../src/content/glossary';
import { defaultSettings } from '../../src/sim/settings';
import { createLabStore } from '../../src/store/labStore';
import { App } from '../../src/ui/App';
import { LabStoreProvider } from '../../src/ui/storeContext';
import { inProcessClient } from '../support/inProcessClient';

describe('the glossary', () => {
  it('has an explanation for every term the lesson uses', () => {
    for (const id of [
      'accuracy',
      'logLoss',
      'auc',
      'psi',
      'ks',
      'drift',
      'blessing',
      'rollback',
    ] as const) {
      expect(GLOSSARY_IDS).toContain(id);
      expect(GLOSSARY[id].text.length).toBeGreaterThan(40);
    }
  });

  it('opens at the term clicked in a panel, and with G', async () => {
    const store = createLabStore(inProcessClient('cpu'), {
      settings: { ...defaultSettings(), days: 70, visitorsPerDay: 100 },
    });
    const user = userEvent.setup();
    render(
      <LabStoreProvider store={store}>
        <App />
      </LabStoreProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Accuracy' }));
    const dialog = screen.getByRole('dialog', { name: 'Glossary' });
    const current = dialog.querySelector('.current');
    expect(current?.textContent).toMatch(/^Accuracy/);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Glossary' })).toBeNull();
    await user.keyboard('g');
    expect(screen.getByRole('dialog', { name: 'Glossary' })).toBeTruthy();
  });
});
