import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { FILTERS } from '../../src/domain/filters.js';
import { captureIo } from '../helpers.js';

// The one table of filters: every place that names a filter follows it.
describe('the table of filters', () => {
  it('is what plan list and plan report offer, flag for flag, with its help', async () => {
    for (const command of ['list', 'report']) {
      const io = captureIo();
      expect(await run([command, '--help'], io)).toBe(0);
      for (const filter of FILTERS) expect(io.out(), `${command} ${filter.flag}`).toContain(`${filter.flag} <${filter.value}>`);
    }
  });

  it('sets the filter each flag names: a flag given is the filter key it maps to', async () => {
    const { activityFilter } = await import('../../src/commands/activityFilter.js');
    for (const filter of FILTERS) expect(activityFilter({ [filter.key]: ['x'] }), filter.flag).toEqual({ [filter.key]: ['x'] });
    expect(new Set(FILTERS.map((filter) => filter.key)).size).toBe(FILTERS.length);
    expect(new Set(FILTERS.map((filter) => filter.flag)).size).toBe(FILTERS.length);
  });

  it('tells completion where each filter’s values come from, --not-status too', async () => {
    const io = captureIo();
    expect(await run(['__complete', 'list', '--status', 'on'], io)).toBe(0);
    expect(io.out().split('\n')[0]).toBe('ongoing');
    const io2 = captureIo();
    expect(await run(['__complete', 'report', '--not-status', 'can'], io2)).toBe(0);
    expect(io2.out().split('\n')[0]).toBe('cancelled');
  });
});
