import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfYear,
  daysBetween,
  holidaysOfYear,
  isWeekend,
  mothersDay,
  nextHoliday,
  parseIsoDate,
} from '../../src/sim/world/calendar';

describe('calendar', () => {
  it.each([
    [2025, '2025-05-11'],
    [2026, '2026-05-10'],
    [2027, '2027-05-09'],
  ])("puts Mother's Day %i on the second Sunday of May (%s)", (year, expected) => {
    expect(mothersDay(year)).toBe(expected);
  });

  it.each([2025, 2026, 2027])("puts Valentine's Day and Christmas %i on their dates", (year) => {
    const byName = Object.fromEntries(holidaysOfYear(year).map((h) => [h.name, h.date]));
    expect(byName.valentine).toBe(`${year}-02-14`);
    expect(byName.christmas).toBe(`${year}-12-25`);
  });

  it('finds the next gift holiday across the new year', () => {
    expect(nextHoliday('2025-07-01')).toEqual({ name: 'christmas', date: '2025-12-25' });
    expect(nextHoliday('2025-12-26')).toEqual({ name: 'valentine', date: '2026-02-14' });
    expect(nextHoliday('2026-02-14')).toEqual({ name: 'valentine', date: '2026-02-14' });
    expect(nextHoliday('2026-02-15')).toEqual({ name: 'mothersDay', date: '2026-05-10' });
  });

  it('walks real dates, leap years included', () => {
    expect(addDays('2025-07-01', 61)).toBe('2025-08-31');
    expect(addDays('2025-07-01', 62)).toBe('2025-09-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2025-07-01', '2026-06-30')).toBe(364);
    expect(dayOfYear('2025-12-31')).toBe(365);
    expect(dayOfYear('2028-12-31')).toBe(366);
  });

  it('knows weekends and rejects dates that do not exist', () => {
    expect(isWeekend('2025-07-05')).toBe(true);
    expect(isWeekend('2025-07-07')).toBe(false);
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2025-13-01')).toBeNull();
    expect(parseIsoDate('1 July 2025')).toBeNull();
  });
});
