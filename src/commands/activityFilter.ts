import { FILTERS, type FilterSpec } from '../domain/filters.js';
import type { ActivityFilter } from '../domain/query.js';
import { sanitize } from '../text/sanitize.js';

/** The filter options `plan list` and `plan report` share, as commander parses them (each repeatable, so an array). */
export type FilterOptions = { [Key in FilterSpec['key']]?: string[] };

/** The ActivityFilter that parsed filter options ask for. */
export function activityFilter(options: FilterOptions): ActivityFilter {
  return Object.fromEntries(FILTERS.filter(({ key }) => options[key]?.length).map(({ key }) => [key, options[key]]));
}

/** The filters as a user would type them ("--unit RAU --status planned"), for "no activity matches ...". */
export function describeFilter(options: FilterOptions): string {
  const quote = (value: string) => (/^[\w:,.-]+$/.test(value) ? value : JSON.stringify(value));
  const given = FILTERS.filter(({ key }) => options[key]?.length).map(({ flag, key }) =>
    key === 'search' ? options[key]!.map((value) => `${flag} ${quote(value)}`).join(' ') : `${flag} ${quote(options[key]!.join(','))}`,
  );
  return sanitize(given.join(' '));
}
