/**
 * The job timeline: every job of the dynamic model, newest first, with its
 * date, version, status chip and, when it did not pass, why. Picking one
 * opens its detail.
 *
 * Owns: the list's markup. Must not touch: which jobs ran or how they were judged.
 */
import { formatDate } from '../../sim/world/calendar';
import type { DatedJob } from './jobsData';
import { JobStatusChip } from './JobStatusChip';

export function JobTimeline({
  jobs,
  selected,
  onSelect,
}: {
  jobs: readonly DatedJob[];
  selected: number | null;
  onSelect: (version: number) => void;
}) {
  if (jobs.length === 0) {
    return <p className="hint">No training jobs have run yet.</p>;
  }
  return (
    <ol className="job-list" aria-label="Training jobs, newest first">
      {jobs.map(({ date, job }) => (
        <li key={job.version}>
          <button
            type="button"
            className="job-entry"
            aria-pressed={job.version === selected}
            onClick={() => onSelect(job.version)}
          >
            <span className="job-date">{formatDate(date)}</span>
            <span className="job-version">v{job.version}</span>
            <JobStatusChip status={job.status} served={job.promoted} />
            <span className="job-note">
              {job.reason ?? (job.promoted ? 'started serving' : '')}
              {job.corruptedLabels && <span className="badge badge-warn">corrupted labels</span>}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
