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
import { useMemo, useState } from 'react';
import { useCalmDays } from '../common/useThrottled';
import { Term } from '../glossary/Glossary';
import { useLab, useLabStore } from '../storeContext';
import { AuditLog } from './AuditLog';
import { CostLedger } from './CostLedger';
import { GateSwitches, gatesOnDay, type Switch } from './GateSwitches';
import { JobDetail } from './JobDetail';
import { auditUpTo, jobsUpTo, ledgerAt, registryAt } from './jobsData';
import './jobs.css';

/**
 * Rows listed per table: a year of daily jobs is 300 rows each, and drawing
 * them all on every update of a running year blocked the page for 100 ms.
 */
const SHOWN = 40;
import { JobTimeline } from './JobTimeline';
import { RegistryTable } from './RegistryTable';

export function JobsPanel() {
  const store = useLabStore();
  const { days, view } = useCalmDays();
  const settings = useLab((s) => s.settings);
  const interventions = useLab((s) => s.interventions);
  // The day a switch is recorded at (not the calmed view the tables draw).
  const today = useLab((s) => s.view);
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
      <p className="hint">
        Words used here: <Term id="blessing">blessing</Term>, <Term id="rollback">rollback</Term>,{' '}
        <Term id="quarantine">quarantine</Term>, <Term id="logLoss">log loss</Term>.
      </p>
      <GateSwitches values={gatesOnDay(settings, interventions, today)} onChange={onSwitch} />
      {!serving ? (
        <p className="pending">Jobs start once the models serve.</p>
      ) : (
        <div className="jobs-grid">
          <div>
            <h3>Jobs ({jobs.length})</h3>
            {jobs.length > SHOWN && <p className="hint">The newest {SHOWN} are listed.</p>}
            <JobTimeline
              jobs={jobs.slice(0, SHOWN)}
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
            {registry.length > SHOWN && (
              <p className="hint">
                The newest {SHOWN} versions of {registry.length}, and every older one with an alias.
              </p>
            )}
            <RegistryTable
              rows={registry.filter((r, i) => i < SHOWN || r.aliases.length > 0)}
              day={view}
              onRollback={(version) => {
                store.getState().rollback(version);
              }}
            />
          </div>
          <div className="jobs-wide">
            <h3>Audit log</h3>
            {audit.length > SHOWN && (
              <p className="hint">
                The newest {SHOWN} entries of {audit.length}.
              </p>
            )}
            <AuditLog entries={audit.slice(0, SHOWN)} />
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
