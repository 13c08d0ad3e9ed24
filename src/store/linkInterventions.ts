/**
 * Whether a link's rollbacks and gate switches can happen in the run the link
 * asks for, judged from its settings alone (no run needed): each one that
 * cannot is named and dropped, so the rewritten link no longer carries it.
 *
 * - Its day must be a serving day of the run (63 to `days`): days 1-62 only
 *   collect data (a gate switched then is a setting, not an intervention),
 *   and there is no day 0 or day past the run's end.
 * - A rollback names a version that can have served by the end of its day:
 *   version 1, plus one version per day before it on which the cadence can run
 *   a job (every serving day for the "alarm" cadence). A tighter check needs the
 *   run itself, which refuses what remains in its audit log (boot.ts also
 *   turns that into a notice).
 * - Nothing twice: the same entry again, or a gate switched to the state it is
 *   already in (the settings, then the switches before it).
 *
 * Owns: these rules and the wording of why an intervention was dropped.
 * Must not touch: the interventions' text (linkParams.ts) or the run.
 */
import { echoList } from '../sim/echo';
import { COLLECTION_DAYS, FIRST_SERVING_DAY, isDynamicJobDay } from '../sim/ops/schedule';
import type { Intervention } from '../sim/contract';
import type { Settings, SettingsIssue } from '../sim/settings';
import { dateOfDay } from '../sim/world/calendar';
import { formatInterventions } from './linkParams';

/** The field a notice names for a dropped intervention. */
export const INTERVENTIONS_FIELD = 'interventions';

/** The settings the rules read. */
type RunShape = Pick<Settings, 'days' | 'cadence' | 'startDate' | 'validationGate' | 'dataGate'>;

/**
 * Highest version a rollback at the end of `day` may name: version 1 and one
 * per possible job day before `day` (a job's version serves from the next day;
 * a version that never served cannot be rolled back to).
 */
export function maxRollbackVersion(settings: RunShape, day: number): number {
  let versions = 1;
  for (let j = FIRST_SERVING_DAY; j < day && j < settings.days; j++) {
    const possible =
      settings.cadence === 'alarm' ||
      isDynamicJobDay(settings.cadence, j, dateOfDay(settings.startDate, j), settings.days);
    if (possible) versions++;
  }
  return versions;
}

type Reason = 'day' | 'version' | 'repeat';

/** One dropped intervention, and why (in the words of the notice). */
interface Refusal {
  iv: Intervention;
  reason: Reason;
  /** For a version: the highest one possible at that day. */
  bound?: number;
}

/**
 * Keeps the interventions the run can have and names the rest, one issue
 * per reason (each lists its interventions as they read in a link).
 */
export function checkInterventions(
  list: readonly Intervention[],
  settings: RunShape,
): { kept: Intervention[]; dropped: SettingsIssue[] } {
  const kept: Intervention[] = [];
  const refused: Refusal[] = [];
  const gates = { validation: settings.validationGate, data: settings.dataGate };
  const seen = new Set<string>();
  for (const iv of [...list].sort((a, b) => a.day - b.day)) {
    const text = formatInterventions([iv]);
    if (iv.day <= COLLECTION_DAYS || iv.day > settings.days) {
      refused.push({ iv, reason: 'day' });
    } else if (iv.kind === 'rollback' && iv.version < 1) {
      refused.push({ iv, reason: 'version', bound: 0 });
    } else if (iv.kind === 'rollback' && iv.version > maxRollbackVersion(settings, iv.day)) {
      refused.push({ iv, reason: 'version', bound: maxRollbackVersion(settings, iv.day) });
    } else if (seen.has(text) || (iv.kind === 'gate' && gates[iv.gate] === iv.on)) {
      refused.push({ iv, reason: 'repeat' });
    } else {
      seen.add(text);
      if (iv.kind === 'gate') gates[iv.gate] = iv.on;
      kept.push(iv);
    }
  }
  return { kept, dropped: describeRefusals(refused, settings.days) };
}

function describeRefusals(refused: Refusal[], days: number): SettingsIssue[] {
  const of = (reason: Reason) => refused.filter((r) => r.reason === reason);
  const issues: SettingsIssue[] = [];
  const outside = of('day').map((r) => formatInterventions([r.iv]));
  if (outside.length > 0) {
    issues.push({
      field: INTERVENTIONS_FIELD,
      message: `dropped, outside the days models serve (${FIRST_SERVING_DAY} to ${days}): ${echoList(outside)}`,
    });
  }
  const versions = of('version');
  if (versions.length > 0) {
    const limits = versions
      .slice(0, 3)
      .map(({ iv, bound }) =>
        bound === 0 ? 'there is no v0' : `by the end of day ${iv.day} at most v${bound}`,
      );
    issues.push({
      field: INTERVENTIONS_FIELD,
      message: `dropped, a rollback to a version that cannot have served by then (${limits.join('; ')}): ${echoList(versions.map((r) => formatInterventions([r.iv])))}`,
    });
  }
  const repeats = of('repeat').map((r) => formatInterventions([r.iv]));
  if (repeats.length > 0) {
    issues.push({
      field: INTERVENTIONS_FIELD,
      message: `dropped, repeats what is already so (the same action, or a gate switched to the state it has): ${echoList(repeats)}`,
    });
  }
  return issues;
}
