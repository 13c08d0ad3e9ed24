/**
 * What the start-up notices say about a value that could not be used, in the
 * words of the person reading them: a link's bad setting named by its label
 * and by the parameter they can see in the address ("Strength of Valentine's
 * Day (vday): must be a number from 0 to 3, or left out for the scenario's
 * own"), a saved setting by its label alone; never by the code's name for it
 * (valentineEffect). Anything that is not a setting (the link's day, its
 * interventions) keeps the form "day (why)".
 *
 * Owns: that wording. Must not touch: the checks and their messages
 * (src/sim/settings.ts, ./url.ts), the labels (the settings table, through
 * settingLabel), when a notice shows (./boot.ts). A file's messages keep the
 * code's names: they are the keys the person sees in the file.
 */
import { echo } from '../sim/echo';
import { SETTING_KEYS, type SettingKey, type SettingsIssue } from '../sim/settings';
import { settingLabel } from './savedSettings';
import { URL_PARAMS } from './url';

/** The setting a field names, if it is one. */
export const asSetting = (field: string): SettingKey | undefined =>
  SETTING_KEYS.find((k) => k === field);

/** Whether the message starts with the field's code name: "windowDays must be ...". */
export const namesKey = (key: SettingKey, message: string): boolean =>
  message.startsWith(`${key} `);

/** The message without the field's code name in front: "must be a whole number ...". */
function reason(key: SettingKey, message: string): string {
  return namesKey(key, message) ? message.slice(key.length + 1) : message;
}

/** An issue about what is not a setting: "day (why)", or the message alone for the whole input. */
const otherIssueText = (issue: SettingsIssue): string =>
  issue.field.startsWith('(') ? issue.message : `${echo(issue.field)} (${issue.message})`;

/** One issue of a link's values. */
export function linkIssueText(issue: SettingsIssue): string {
  const key = asSetting(issue.field);
  if (!key) return otherIssueText(issue);
  // A link leaves a world knob out for the scenario's own (JSON's null is a file's word).
  const why = reason(key, issue.message).replace(
    /, or null for the scenario's own$/,
    ", or left out for the scenario's own",
  );
  return `${settingLabel(key)} (${URL_PARAMS[key]}): ${why}`;
}

/** One issue of the saved settings. */
export function storedIssueText(issue: SettingsIssue): string {
  const key = asSetting(issue.field);
  if (!key) return otherIssueText(issue);
  return `${settingLabel(key)}: ${reason(key, issue.message)}`;
}

/** The issues, each in those words, joined by "; ". */
export const describeIssues = (
  issues: readonly SettingsIssue[],
  text: (issue: SettingsIssue) => string,
): string => issues.map(text).join('; ');
