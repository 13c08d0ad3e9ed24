/**
 * The start-up notices' words for values that could not be used
 * (src/store/issueWords.ts): every setting of a bad link is named by its label
 * and its parameter, a saved one by its label, never by the code's camelCase
 * name; a link's world knob says to leave it out, not "null"; what is not a
 * setting keeps "field (why)".
 */
import { describe, expect, it } from 'vitest';
import { parseSettings, SETTING_KEYS } from '../../src/sim/settings';
import { linkIssueText, storedIssueText } from '../../src/store/issueWords';
import { settingLabel } from '../../src/store/savedSettings';
import { parseUrlState, URL_PARAMS } from '../../src/store/url';

/** A word written in camelCase, as the code names a setting. */
const CAMEL = /\b[a-z]+[A-Z][A-Za-z]*\b/;

describe('a bad link', () => {
  it.each(SETTING_KEYS)('names %s by its label and parameter', (key) => {
    const { dropped } = parseUrlState(`?${URL_PARAMS[key]}=%E2%9C%97bad`);
    const issue = dropped.find((d) => d.field === key);
    expect(issue).toBeDefined();
    const text = linkIssueText(issue!);
    expect(text.startsWith(`${settingLabel(key)} (${URL_PARAMS[key]}): `)).toBe(true);
    expect(text).not.toMatch(CAMEL);
    expect(text).not.toMatch(/\bnull\b/);
  });

  it('says what a knob must be, and that leaving it out means the scenario’s own', () => {
    const { dropped } = parseUrlState('?vday=9');
    expect(dropped.map(linkIssueText)).toEqual([
      "Strength of Valentine’s Day (vday): must be a number from 0 to 3, or left out for the scenario's own",
    ]);
  });

  it('keeps "field (why)" for what is not a setting', () => {
    const { dropped } = parseUrlState('?day=abc');
    const text = linkIssueText(dropped.find((d) => d.field === 'day')!);
    expect(text).toMatch(/^day \(day must be a whole number/);
  });
});

describe('bad saved settings', () => {
  it.each(SETTING_KEYS)('name %s by its label', (key) => {
    const result = parseSettings({ [key]: '✗bad' });
    expect(result.ok).toBe(false);
    const issue = result.ok ? null : result.issues.find((i) => i.field === key);
    expect(issue).toBeDefined();
    const text = storedIssueText(issue!);
    expect(text.startsWith(`${settingLabel(key)}: `)).toBe(true);
    expect(text).not.toMatch(CAMEL);
  });

  it('pass a message about the whole object as it is', () => {
    expect(storedIssueText({ field: '(all)', message: 'storage is not readable' })).toBe(
      'storage is not readable',
    );
  });
});
