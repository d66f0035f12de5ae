import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from '../src/io.js';
import { loadWorkspace, type PartialWorkspace } from '../src/load/loadWorkspace.js';
import type { PlanSource } from '../src/load/planSource.js';
import type { Finding, Plan } from '../src/model.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const fixtures = join(root, 'test', 'fixtures');
/**
 * The Frontex–EASO plan as signed, frozen: the folder to run in (it holds `plan/`). Tests read
 * this copy, never the live `plan/`, which users edit; test/plan.test.ts asserts the live one is valid.
 */
export const shippedRoot = join(fixtures, 'frontex-easo-2019');
/** The plan folder of the frozen shipped plan. */
export const shippedPlan = join(shippedRoot, 'plan');
export const bin = join(root, 'bin', 'plan.js');
/** The plan id of the frozen shipped plan: its folder in the workspace. */
export const SHIPPED_PLAN = 'frontex-easo-2019';
/** The plan id of test/fixtures/minimal's one plan. */
export const MINIMAL_PLAN = 'north-south';

/**
 * Loads the workspace in `dir` as the CLI would on `today` and gives its first plan with every
 * finding: what most tests want of "load this fixture".
 */
export function loadFixture(dir: string, options: { cwd: string; today: string; source?: PlanSource; findingsOnly?: boolean }): LoadedFixture {
  const { today, ...rest } = options;
  const loaded = loadWorkspace(dir, { ...rest, now: fakeClock(today)() });
  const plan = loaded.workspace?.plans[0];
  return { findings: loaded.findings, files: loaded.files, ...(plan && { plan }), ...(loaded.partial && { partial: loaded.partial }) };
}

export interface LoadedFixture {
  plan?: Plan;
  findings: Finding[];
  files: string[];
  partial?: PartialWorkspace;
}

/** The fixed "today" of every test, as a calendar date. */
export const TODAY = '2026-11-28';

/** A fixed clock for an Io: noon of `date` (TODAY unless given), local time, so the local date is `date` in any timezone. */
export function fakeClock(date = TODAY): () => Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return () => new Date(year, month - 1, day, 12);
}

/** An Io that records what a command writes, run in the frozen shipped plan; today is TODAY unless given. */
export function captureIo(overrides: Partial<Io> = {}): Io & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    cwd: shippedRoot,
    env: {},
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    isTTY: false,
    columns: undefined,
    color: false,
    now: fakeClock(),
    ...overrides,
    out: () => stdout,
    err: () => stderr,
  };
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'plan-test-'));
}

/**
 * A temporary copy of the workspace test/fixtures/minimal/plan with a scenario's files laid over it
 * (`invalid/<name>/` mirrors the workspace: `north-south/…`, `organisations/…`), as `<tmp>/plan/`;
 * returns `<tmp>`, the folder to run in.
 */
export function scenario(name?: string): string {
  const dir = tempDir();
  cpSync(join(fixtures, 'minimal', 'plan'), join(dir, 'plan'), { recursive: true });
  if (name) cpSync(join(fixtures, 'invalid', name), join(dir, 'plan'), { recursive: true });
  return dir;
}

/** The names of the broken scenarios in test/fixtures/invalid. */
export function invalidScenarios(): string[] {
  return readdirSync(join(fixtures, 'invalid')).sort();
}

/** A title that tries to break every format: a cell separator, a comma, quotes, a backslash, a line break, markup and an escape sequence. */
export const HOSTILE_TITLE = 'Pipes | commas, "quotes" \\ back\nsecond line \u001b[31mred\u001b[0m *not bold* <b>x</b> &amp; `code`';

/**
 * A copy of test/fixtures/minimal whose AN-1 carries hostile text in its title, text and actions
 * (control characters, escape sequences, Markdown and CSV syntax); returns the folder to run in.
 */
export function hostileScenario(): string {
  const dir = scenario();
  const analysis = join(dir, 'plan', MINIMAL_PLAN, 'analysis.yaml');
  const text = readFileSync(analysis, 'utf8')
    .replace('title: Joint analysis', `title: ${JSON.stringify(HOSTILE_TITLE)}`)
    .replace(
      'text: The parties will analyse together.',
      [
        String.raw`text: "# Not a heading\n1. not a list\n> not a quote\n\e]8;;http://example.com\e\\link\e]8;;\e\\ and a bare\rreturn, \u202ereversed\u202c, a bell\a"`,
        String.raw`    actions: ["a | b", "=1+2", "two\nlines"]`,
      ].join('\n'),
    );
  writeFileSync(analysis, text);
  return dir;
}

/** Runs `plan <argv>` in-process through main(), as a user would from `io.cwd` (the frozen shipped plan unless given). */
export async function runPlan(argv: string[], overrides: Partial<Io> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import('../src/main.js');
  const io = captureIo(overrides);
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** A package registry on the loopback interface; see lockfileRegistry(). */
export interface LockfileRegistry {
  /** npm's settings to install through it, with `cache` a fresh folder for npm's cache. */
  npmEnv: (cache: string) => Record<string, string>;
  close: () => Promise<void>;
}

/**
 * A package registry on 127.0.0.1 that holds exactly what this repository's package-lock.json
 * pins (every version of every package it names), each tarball read from npm's own cache by its
 * integrity, where `npm ci` put it. Installing through it needs no network and nothing `npm ci`
 * did not fetch: npm asks a registry for metadata that `npm ci` never caches (newer npm versions
 * want the full metadata of each package they resolve), and this registry answers from the lockfile.
 * Only answers while this process's event loop runs: spawn npm asynchronously.
 */
export async function lockfileRegistry(): Promise<LockfileRegistry> {
  const { createServer } = await import('node:http');
  const { execFileSync } = await import('node:child_process');
  const { existsSync } = await import('node:fs');
  interface LockEntry {
    version?: string;
    integrity?: string;
    link?: boolean;
    name?: string;
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    bin?: Record<string, string> | string;
    engines?: Record<string, string>;
    os?: string[];
    cpu?: string[];
  }
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const npmCache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  // Name → version → entry, from every node_modules/ path of the lockfile.
  const known = new Map<string, Map<string, LockEntry>>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    const at = path.lastIndexOf('node_modules/');
    if (at < 0 || entry.link || !entry.version || !entry.integrity) continue;
    const name = entry.name ?? path.slice(at + 'node_modules/'.length);
    if (!known.has(name)) known.set(name, new Map());
    known.get(name)!.set(entry.version, entry);
  }
  const tarballName = (name: string, version: string) => `${name.split('/').pop()}-${version}.tgz`;
  let url = '';
  const notFound = (response: import('node:http').ServerResponse, error: string) => response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error }));
  const server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]!).slice(1);
    const [name, tarball] = path.split('/-/') as [string, string | undefined];
    const versions = known.get(name);
    if (request.method !== 'GET' || !versions) return notFound(response, `package-lock.json pins no ${name}`);
    if (tarball === undefined) {
      const manifests = Object.fromEntries(
        [...versions].map(([version, { integrity, dependencies, optionalDependencies, peerDependencies, bin, engines, os, cpu }]) => [
          version,
          { name, version, dependencies, optionalDependencies, peerDependencies, bin, engines, os, cpu, dist: { tarball: `${url}/${name}/-/${tarballName(name, version)}`, integrity } },
        ]),
      );
      const latest = [...versions.keys()].pop()!;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name, 'dist-tags': { latest }, versions: manifests }));
      return;
    }
    const entry = [...versions.values()].find(({ version }) => tarball === tarballName(name, version!));
    if (!entry) return notFound(response, `package-lock.json pins no ${tarball}`);
    // npm's cache keeps each file under the hex of its digest.
    const [algorithm, digest] = entry.integrity!.split(' ')[0]!.split('-') as [string, string];
    const hex = Buffer.from(digest, 'base64').toString('hex');
    const file = join(npmCache, '_cacache', 'content-v2', algorithm, hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
    if (!existsSync(file)) return notFound(response, `${name}@${entry.version} is not in npm's cache: run npm ci`);
    response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
  return {
    npmEnv: (cache) => ({ npm_config_offline: 'false', npm_config_registry: `${url}/`, npm_config_cache: cache, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Runs a command without blocking this process (so lockfileRegistry() can answer it), with its output as text. */
export async function spawnText(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
