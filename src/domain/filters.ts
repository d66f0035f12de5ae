import { STATUSES } from '../model.js';
import type { ActivityFilter } from './query.js';

/** Where a filter's values are completed from: the plans in scope, or the fixed statuses. */
export type FilterValues = 'unit' | 'party' | 'area' | 'status' | 'organisation' | null;

/** One filter of `plan list` and `plan report`: its option, the ActivityFilter key it sets, its help and where Tab finds its values. */
export interface FilterSpec {
  flag: `--${string}`;
  /** The field of ActivityFilter it sets (every one but the day, which --as-of gives). */
  key: Exclude<keyof ActivityFilter, 'day'>;
  /** The value's name in help: `--unit <code>`. */
  value: string;
  description: string;
  completion: FilterValues;
}

/**
 * The filters, in the order they are described to the user: commander's options (cli.ts), the
 * filter they build (commands/activityFilter.ts), their description in messages and the values
 * completion offers all read this one table; query.ts matches each key.
 */
export const FILTERS: readonly FilterSpec[] = [
  { flag: '--unit', key: 'unit', value: 'code', description: 'a unit of any party (RAU) or of one party (frontex:SEC)', completion: 'unit' },
  { flag: '--party', key: 'party', value: 'id', description: 'activities a party takes part in (frontex)', completion: 'party' },
  { flag: '--area', key: 'area', value: 'area', description: 'an area by id, prefix (IA) or unambiguous start of its id (info)', completion: 'area' },
  { flag: '--status', key: 'status', value: 'status', description: `a status: ${STATUSES.join(', ')}`, completion: 'status' },
  { flag: '--not-status', key: 'notStatus', value: 'status', description: 'leave out a status (--not-status completed,cancelled: what is still open)', completion: 'status' },
  { flag: '--with', key: 'with', value: 'org', description: 'another organisation involved, by id, name or alias (Europol)', completion: 'organisation' },
  { flag: '--search', key: 'search', value: 'text', description: 'words that must all occur in the id, title, text or actions; "quote" a phrase', completion: null },
];
