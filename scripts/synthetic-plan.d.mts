/** The plan folder of a synthetic workspace. */
export const SYNTHETIC_PLAN: string;
/**
 * Writes a valid workspace of one plan of `activities` activities over `files` area files into
 * `dir`, drawn from the Frontex–EASO plan of the workspace `from` (the live plan/ unless given); returns `dir`.
 */
export function writeSyntheticPlan(dir: string, activities: number, files?: number, from?: string): string;
/** Writes a valid workspace of `plans` plans, `activities` activities in all, into `dir`; returns `dir`. */
export function writeSyntheticWorkspace(dir: string, plans: number, activities: number, files?: number, from?: string): string;
