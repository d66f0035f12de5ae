import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/**
 * Runs a bundle of ours (a CommonJS function of exports, require, module, __filename and
 * __dirname) through the V8 code cache kept beside it, which spares start-up most of the
 * compiling (Node 20 has no compile cache of its own). The cache is used only with the content
 * it was made from (the bundle's first line holds a hash of it; V8 itself refuses a cache from
 * another V8 version or other flags). When it is missing or refused, it is written at exit; an
 * install that cannot be written to simply runs without it.
 */
export function runCached<T>(file: string): T {
  const cacheFile = `${file}.cache`;
  const source = readFileSync(file, 'utf8');
  const stamp = Buffer.from(source.slice(0, source.indexOf('\n') + 1), 'latin1');
  const cachedData = readCache(cacheFile, stamp);
  const script = new Script(source, { filename: file, cachedData });
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  wrapper(module.exports, createRequire(file), module, file, dirname(file));
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => writeCache(cacheFile, stamp, script));
  }
  return module.exports;
}

function readCache(cacheFile: string, stamp: Buffer): Buffer | undefined {
  try {
    const cache = readFileSync(cacheFile);
    return cache.subarray(0, stamp.length).equals(stamp) ? cache.subarray(stamp.length) : undefined;
  } catch {
    return undefined;
  }
}

// Written at exit, so the functions this run compiled are in it; renamed into place, so a reader never sees half a file.
function writeCache(cacheFile: string, stamp: Buffer, script: Script): void {
  const temporary = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(temporary, Buffer.concat([stamp, script.createCachedData()]));
    renameSync(temporary, cacheFile);
  } catch {
    rmSync(temporary, { force: true });
  }
}
