/**
 * The training-jobs panel: the gate switches, the dynamic model's job
 * timeline beside the picked job's detail, the cost ledger against the static
 * model under the timeline, then the model registry with its aliases and
 * rollback action and the audit log, both scrolling inside themselves. Its
 * parts sit side by side when the panel is wide enough and stack when it is
 * not (a container query in jobs.css, so it follows the panel, not the window).
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
import { JobTimeline } from './JobTimeline';
import { RegistryTable } from './RegistryTable';
import './jobs.css';

/**
 * Rows listed per table: a year of daily jobs is 300 rows each, and drawing
 * them all on every update of a running year blocked the page for 100 ms.
 */
const SHOWN = 40;

/** A part's title with its note on the same line when there is room. */
function PartHead({ title, note }: { title: string; note?: string | false }) {
  return (
    <div className="jobs-head">
      <h3>{title}</h3>
      {note && <p className="hint">{note}</p>}
    </div>
  );
}

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
      <p className="hint jobs-intro">
        Each job trains a new version of the dynamic model. The gates decide whether it may serve;
        the registry keeps every version, so a bad release can be rolled back. Words used here:{' '}
        <span className="jobs-term">
          <Term id="blessing">blessing</Term>,
        </span>{' '}
        <span className="jobs-term">
          <Term id="rollback">rollback</Term>,
        </span>{' '}
        <span className="jobs-term">
          <Term id="quarantine">quarantine</Term>,
        </span>{' '}
        <span className="jobs-term">
          <Term id="logLoss">log loss</Term>.
        </span>
      </p>
      <GateSwitches values={gatesOnDay(settings, interventions, today)} onChange={onSwitch} />
      {!serving ? (
        <p className="pending">Jobs start once the models serve.</p>
      ) : (
        <div className="jobs-grid">
          <div className="jobs-list" data-evidence="job-list">
            <PartHead
              title={`Jobs (${jobs.length})`}
              note={jobs.length > SHOWN && `The newest ${SHOWN} are listed.`}
            />
            <JobTimeline
              jobs={jobs.slice(0, SHOWN)}
              selected={selected?.job.version ?? null}
              onSelect={setPicked}
            />
          </div>
          <div className="jobs-detail">
            {selected ? (
              <JobDetail item={selected} onGoTo={(day) => store.getState().seek(day)} />
            ) : (
              <p className="hint">Pick a job to see how it went.</p>
            )}
          </div>
          {ledger && (
            <div className="jobs-cost" data-evidence="cost-ledger">
              <PartHead title="Cost" />
              <CostLedger ledger={ledger} />
            </div>
          )}
          <div className="jobs-registry">
            <PartHead
              title="Registry"
              note={
                registry.length > SHOWN &&
                `The newest ${SHOWN} versions of ${registry.length}, and every older one with an alias.`
              }
            />
            <RegistryTable
              rows={registry.filter((r, i) => i < SHOWN || r.aliases.length > 0)}
              day={view}
              onRollback={(version) => {
                store.getState().rollback(version);
              }}
            />
          </div>
          <div className="jobs-audit">
            <PartHead
              title="Audit log"
              note={audit.length > SHOWN && `The newest ${SHOWN} entries of ${audit.length}.`}
            />
            <AuditLog entries={audit.slice(0, SHOWN)} />
          </div>
        </div>
      )}
    </section>
  );
}
