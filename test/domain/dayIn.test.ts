import { describe, expect, it } from 'vitest';
import { dayIn, isTimeZone } from '../../src/domain/dayIn.js';

// The answer Intl gives, the reference dayIn's quicker reading of the clock must match.
function intlDay(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const zones = ['Europe/Warsaw', 'Europe/Malta', 'Europe/London', 'America/New_York', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe', 'Etc/GMT-14', 'Etc/UTC', 'Africa/Abidjan', 'europe/warsaw', 'EST5EDT', 'UTC'];

describe('dayIn', () => {
  it('gives the day Intl gives, in every zone, at every hour around the year’s changes of offset and of day', () => {
    const start = Date.UTC(2026, 0, 1);
    let compared = 0;
    for (const zone of zones) {
      // Every 37 minutes through 2026: each hour of each day lands near a midnight somewhere, and on every change of offset.
      for (let time = start; time < Date.UTC(2027, 0, 1); time += 37 * 60_000 * 23) {
        const date = new Date(time);
        expect(dayIn(date, zone), `${zone} ${date.toISOString()}`).toBe(intlDay(date, zone));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5_000);
  });

  it('leaves the process’s own time zone as it found it', () => {
    const before = process.env.TZ;
    const hours = new Date(Date.UTC(2026, 5, 15, 22, 30)).getHours();
    dayIn(new Date(), 'Asia/Tokyo');
    isTimeZone('Pacific/Kiritimati');
    expect(process.env.TZ).toBe(before);
    expect(new Date(Date.UTC(2026, 5, 15, 22, 30)).getHours()).toBe(hours);
  });

  it('knows the zones Intl knows, and no other', () => {
    for (const zone of zones) expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ['Europe/Warsawx', 'Nowhere/Foo', 'GMT+3', 'XYZ-3', 'UTC+03:00', '', 'Europe/Warsaw ', ':Europe/Warsaw', 'Asia/XYZ-3']) expect(isTimeZone(zone), JSON.stringify(zone)).toBe(false);
  });
});
