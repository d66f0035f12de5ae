import { fileURLToPath } from 'node:url';
import type { processIo } from './io.js';
import type { main } from './main.js';
import { runCached } from './runCached.js';

/** What the bundle gives bin/plan.js. */
export interface Bundle {
  main: typeof main;
  processIo: typeof processIo;
}

/** Runs the bundle, dist/plan.cjs, through its code cache (runCached). */
export function loadBundle(): Bundle {
  return runCached<Bundle>(fileURLToPath(new URL('./plan.cjs', import.meta.url)));
}
