import type { Organisation } from '../model.js';

/** Every id an organisation answers to, current and former, lower-cased: plans signed under a former id keep it. */
export function organisationIds(organisation: Organisation): string[] {
  return [organisation.id, ...(organisation.former_names ?? []).flatMap((former) => (former.id === undefined ? [] : [former.id]))];
}

/** Every id and name an organisation is found by in `--with` and `--party`, current and former. */
export function organisationNames(organisation: Organisation): string[] {
  const former = (organisation.former_names ?? []).flatMap((name) => [name.id, name.name, name.short_name].filter((value): value is string => value !== undefined));
  return [organisation.id, organisation.name, organisation.short_name, ...(organisation.aliases ?? []), ...former];
}

/**
 * The names an organisation bore on `date` (or, without one, under the id a plan names it by):
 * the first former name still borne that day, else the current one.
 */
export function namesOn(organisation: Organisation, date: string | undefined, signedId: string = organisation.id): { name: string; short_name: string } {
  const former = organisation.former_names ?? [];
  const borne = date !== undefined ? former.find((name) => date <= name.until) : former.find((name) => name.id === signedId && signedId !== organisation.id);
  if (!borne) return { name: organisation.name, short_name: organisation.short_name };
  return { name: borne.name, short_name: borne.short_name ?? borne.name };
}
