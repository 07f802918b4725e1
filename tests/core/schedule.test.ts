import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScheduleDate } from '../../packages/core/src/schedule';

describe('parseScheduleDate', () => {
  it.each<[string, number]>([
    ['2027-01-15', Date.UTC(2027, 0, 15)],
    ['2028-02-29', Date.UTC(2028, 1, 29)],
    ['2027-01-15T09:30Z', Date.UTC(2027, 0, 15, 9, 30)],
    ['2027-01-15T09:30:15Z', Date.UTC(2027, 0, 15, 9, 30, 15)],
    ['2027-01-15T09:30:15.250Z', Date.UTC(2027, 0, 15, 9, 30, 15, 250)],
    ['2027-01-15T00:00:00+01:00', Date.UTC(2027, 0, 14, 23)],
    ['2027-01-15T00:00:00-05:00', Date.UTC(2027, 0, 15, 5)],
    ['2027-01-15T23:30:00+14:00', Date.UTC(2027, 0, 15, 9, 30)],
  ])('reads %s as its instant', (text, ms) => {
    expect(parseScheduleDate(text)).toBe(ms);
  });

  it.each([
    ['a time without a zone, which would differ on every visitor clock', '2027-01-15T09:30'],
    ['a day the month does not have', '2027-02-30'],
    ['29 February of a common year', '2027-02-29'],
    ['month 13', '2027-13-01'],
    ['day 0', '2027-01-00'],
    ['an hour the day does not have', '2027-01-15T25:00Z'],
    ['a written date', 'January 15, 2027'],
    ['a date with a slash', '2027/01/15'],
    ['an empty string', ''],
    ['a number', 1800000000000],
  ])('refuses %s', (_, text) => {
    expect(parseScheduleDate(text)).toBeUndefined();
  });

  it('reads a date without a time as midnight UTC, whatever the time zone of the machine', () => {
    // The rule does not depend on the machine: a date without a time is always UTC midnight.
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (date) => {
          const day = date.toISOString().slice(0, 10);
          const ms = parseScheduleDate(day) as number;
          expect(new Date(ms).toISOString()).toBe(`${day}T00:00:00.000Z`);
        },
      ),
    );
  });

  it('reads the same instant from a time written in any zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60000, max: Date.UTC(2100, 0, 1) / 60000 }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (minute, offset) => {
          const instant = minute * 60000;
          const local = new Date(instant + offset * 60000).toISOString().slice(0, 16);
          const sign = offset < 0 ? '-' : '+';
          const zone = `${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
          expect(parseScheduleDate(`${local}${zone}`)).toBe(instant);
        },
      ),
    );
  });
});
