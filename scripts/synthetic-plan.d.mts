/** Writes a valid plan of `activities` activities over `files` area files into `dir`; returns `dir`. */
export function writeSyntheticPlan(dir: string, activities: number, files?: number): string;
