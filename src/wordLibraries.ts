import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as Docx from 'docx';
import type * as FflateModule from 'fflate';
import { runCached } from './runCached.js';

export type DocxModule = typeof Docx;
export type Fflate = typeof FflateModule;

/**
 * docx and fflate, loaded only for a Word document, so every other format starts without them:
 * from the build's own bundle of the two, dist/docx.cjs, through its code cache (compiling docx
 * is most of its cost), else from node_modules.
 */
export function wordLibraries(): { docx: DocxModule; fflate: Fflate } {
  const bundled = fileURLToPath(new URL('./docx.cjs', import.meta.url));
  if (existsSync(bundled)) return runCached(bundled);
  const load = createRequire(import.meta.url);
  return { docx: load('docx') as DocxModule, fflate: load('fflate') as Fflate };
}
