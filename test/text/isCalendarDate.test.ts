import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/text/isCalendarDate.js';

describe('isCalendarDate', () => {
  it('accepts real days, leap days included', () => {
    expect(['2019-07-18', '2024-02-29', '2000-02-29', '1999-12-31'].filter(isCalendarDate)).toHaveLength(4);
  });

  it('rejects days the calendar lacks and other shapes', () => {
    for (const text of ['2019-02-30', '2023-02-29', '1900-02-29', '2019-13-01', '2019-00-10', '2019-7-18', '18/07/2019', '2019-07-18T00:00', '']) {
      expect(isCalendarDate(text), text).toBe(false);
    }
  });
});
