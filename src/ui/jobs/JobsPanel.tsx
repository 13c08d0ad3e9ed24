/**
 * The training-jobs panel: the gate switches, the dynamic model's job
 * timeline and the picked job's detail, the model registry with its aliases
 * and rollback action, the audit log, and the cost ledger against the static
 * model.
 *
 * Owns: the panel's layout and its local choice (the picked job).
 * Must not touch: the engine or the store's internals; rollbacks, gate
 * switches and timeline jumps go through store actions.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { useLab, useLabStore } from '../storeContext';
import { AuditLog } from './AuditLog';
import { CostLedger } from './CostLedger';
import { GateSwitches, type Switch } from './GateSwitches';
import { JobDetail } from './JobDetail';
import { auditUpTo, jobsUpTo, ledgerAt, registryAt } from './jobsData';
import { JobTimeline } from './JobTimeline';
import { RegistryTable } from './RegistryTable';

export function JobsPanel() {
  const store = useLabStore();
  const days = useDeferredValue(useLab((s) => s.days));
  const view = useDeferredValue(useLab((s) => s.view));
  const settings = useLab((s) => s.settings);
  const firstValidation = useLab((s) => s.summary?.dynamic.validationAccuracy ?? null);
  const [picked, setPicked] = useState<number | null>(null);

  const serving = view > 0 && days[view - 1]?.dynamic != null;
  const jobs = useMemo(() => jobsUpTo(days, view), [days, view]);
  const registry = useMemo(
    () => registryAt(days, view, firstValidation),
    [days, view, firstValidation],
  );
  const audit = useMemo(() => auditUpTo(days, view), [days, view]);
  const ledger = useMemo(() => ledgerAt(days, view), [days, view]);
  const selected = jobs.find((j) => j.job.version === picked) ?? jobs[0] ?? null;

  const onSwitch = (key: Switch, on: boolean) => {
    const state = store.getState();
    if (key === 'autoRollback') {
      state.applySettings(
        { ...state.settings, autoRollback: on },
        `Automatic rollback switched ${on ? 'on' : 'off'}`,
      );
    } else {
      state.toggleGate(key, on);
    }
  };

  return (
    <section className="panel jobs-panel" aria-labelledby="jobs-title">
      <header className="panel-head">
        <h2 id="jobs-title">Training jobs</h2>
      </header>
      <p className="hint">
        Each job trains a new version of the dynamic model. The gates decide whether it may serve;
        the registry keeps every version, so a bad release can be rolled back.
      </p>
      <GateSwitches
        values={{
          validation: settings.validationGate,
          data: settings.dataGate,
          autoRollback: settings.autoRollback,
        }}
        onChange={onSwitch}
      />
      {!serving ? (
        <p className="pending">Jobs start once the models serve.</p>
      ) : (
        <div className="jobs-grid">
          <div>
            <h3>Jobs ({jobs.length})</h3>
            <JobTimeline
              jobs={jobs}
              selected={selected?.job.version ?? null}
              onSelect={setPicked}
            />
          </div>
          <div>
            {selected ? (
              <JobDetail item={selected} onGoTo={(day) => store.getState().seek(day)} />
            ) : (
              <p className="hint">Pick a job to see how it went.</p>
            )}
          </div>
          <div className="jobs-wide">
            <h3>Registry</h3>
            <RegistryTable
              rows={registry}
              onRollback={(version) => {
                store.getState().rollback(version);
              }}
            />
          </div>
          <div className="jobs-wide">
            <h3>Audit log</h3>
            <AuditLog entries={audit} />
          </div>
          {ledger && (
            <div className="jobs-wide">
              <h3>Cost</h3>
              <CostLedger ledger={ledger} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
