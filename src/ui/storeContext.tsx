/**
 * Hands the lab store to components through React context, so the app and
 * each test can give the tree its own store.
 *
 * Owns: the context and the `useLab` selector hook.
 * Must not touch: store internals; components select single values or use
 * `useShallow` for objects.
 */
import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { LabState, LabStore } from '../store/labStore';

const LabStoreContext = createContext<LabStore | null>(null);

export function LabStoreProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <LabStoreContext.Provider value={store}>{children}</LabStoreContext.Provider>;
}

/** The store itself, for actions and imperative reads. */
export function useLabStore(): LabStore {
  const store = useContext(LabStoreContext);
  if (!store) throw new Error('useLab needs a <LabStoreProvider> above it');
  return store;
}

/** Selects one slice of the lab state; re-renders only when it changes. */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStore(), selector);
}
