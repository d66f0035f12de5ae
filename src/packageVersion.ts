import { readFileSync } from 'node:fs';

/** The version in package.json, so --version and machine-readable outputs name the release that made them. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
