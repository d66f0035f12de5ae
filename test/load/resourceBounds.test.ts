import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../helpers.js';
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_VALUES, parseYaml } from '../../src/load/parseYaml.js';
import { MAX_FILE_BYTES } from '../../src/load/readSource.js';
import { bin, MINIMAL_PLAN, root, scenario, TODAY } from '../helpers.js';
import { expectFindingsOnRealLines, expectWellBehaved, runPlan } from '../hostile.js';

const today = TODAY;

/** The findings of the minimal workspace with its plan's `analysis.yaml` replaced, as `file rule line:column message`. */
function findingsWithArea(text: string | Buffer): string[] {
  const cwd = scenario();
  try {
    writeFileSync(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'), text);
    return loadFixture(join(cwd, 'plan'), { cwd, today }).findings.map((f) => `${f.file} ${f.rule} ${f.line}:${f.column} ${f.message}`);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

const area = readFileSync(join(scenario(), 'plan', MINIMAL_PLAN, 'analysis.yaml'), 'utf8');

// "Billion laughs": each level holds ten aliases of the one before, 10^9 values once expanded.
const billionLaughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(Array.from({ length: 8 }, (_, i) => {
    const [name, previous] = [String.fromCharCode(98 + i), String.fromCharCode(97 + i)];
    return `${name}: &${name} [${Array(10).fill(`*${previous}`).join(',')}]`;
  }))
  .join('\n');

describe('resource bounds', () => {
  it('stops an alias bomb at the alias that expands past the bound, without expanding it', () => {
    expect(findingsWithArea(`${billionLaughs}\n`)).toEqual([
      `plan/north-south/analysis.yaml resource-limit 5:35 with its aliases expanded, the file holds more than ${MAX_VALUES.toLocaleString('en')} values`,
    ]);
  });

  it(`keeps yaml's own bound of ${MAX_ALIAS_COUNT} alias expansions`, () => {
    const uses = Array.from({ length: MAX_ALIAS_COUNT + 1 }, () => '*u').join(', ');
    expect(findingsWithArea(`${area}x: &u [RAU]\ny: [${uses}]\n`)).toEqual([
      expect.stringMatching(/^plan\/north-south\/analysis\.yaml resource-limit 29:5 too many alias expansions \(more than 100\): /),
    ]);
  });

  it('rejects an alias inside the node it names and an alias without its anchor', () => {
    expect(findingsWithArea('id: &a [x, *a]\n')).toEqual([
      'plan/north-south/analysis.yaml yaml-syntax 1:12 alias *a stands inside the node it names: the data would never end',
    ]);
    expect(findingsWithArea('a: &a {b: [*a]}\n')).toEqual([
      'plan/north-south/analysis.yaml yaml-syntax 1:12 alias *a stands inside the node it names: the data would never end',
    ]);
    expect(findingsWithArea('id: *nowhere\n')).toEqual(['plan/north-south/analysis.yaml yaml-syntax 1:5 alias *nowhere has no anchor &nowhere before it']);
  });

  it(`accepts ${MAX_DEPTH} levels of nesting and refuses one more`, () => {
    const nested = (levels: number) => `id: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
    expect(parseYaml(nested(MAX_DEPTH - 1), 'x.yaml').findings).toEqual([]);
    expect(parseYaml(nested(MAX_DEPTH), 'x.yaml').findings.map((f) => `${f.rule} ${f.line}:${f.column}`)).toEqual([`resource-limit 1:${5 + MAX_DEPTH - 1}`]);
    // Aliases count with the depth they expand to.
    const deepAnchor = `a: &a ${'['.repeat(40)}${']'.repeat(40)}\nb: ${'['.repeat(30)}*a${']'.repeat(30)}\n`;
    expect(parseYaml(deepAnchor, 'x.yaml').findings.map((f) => `${f.rule} ${f.line}:${f.column}`)).toEqual(['resource-limit 2:34']);
  });

  it('ends 10,000 levels of nesting, flow and block, with a finding', () => {
    const flow = `id: x\nactivities: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    const block = `id: x\nactivities:\n  ${'- '.repeat(10_000)}x\n`;
    const mapping = `id: x\nactivities: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`;
    for (const text of [flow, block, mapping]) {
      expect(findingsWithArea(text)).toEqual([expect.stringMatching(/^plan\/north-south\/analysis\.yaml resource-limit [23]:\d+ nested more than 64 levels deep/)]);
    }
  });

  it('finds each of 20,000 broken activities and 40,000 unknown keys in linear time', () => {
    // ajv's list errors, yaml's duplicate-key check and locating a key each used to be quadratic: minutes here.
    const empty = findingsWithArea(`id: analysis\ntitle: A\nprefix: AN\nactivities:\n${'- {}\n'.repeat(20_000)}`);
    expect(empty).toHaveLength(20_000 * 6);
    expect(empty.at(-1)).toBe('plan/north-south/analysis.yaml schema 20004:3 missing required property "history"');
    const keys = findingsWithArea(`id: analysis\n${Array.from({ length: 40_000 }, (_, i) => `k${i}: v`).join('\n')}\n`);
    expect(keys).toHaveLength(40_000 + 3);
    expect(keys.at(-1)).toBe('plan/north-south/analysis.yaml schema 40001:1 unknown property "k39999"');
  });

  it('checks unique lists without ajv\'s deep equal, which is quadratic and calls methods of the data', () => {
    // uniqueItems whose items declare no scalar "type" (a bare $ref) compares every pair with that equal.
    const validators = readFileSync(join(root, 'src', 'generated', 'validators.ts'), 'utf8');
    expect(validators).not.toContain('ajv/dist/runtime/equal');
    const codes = Array.from({ length: 30_000 }, (_, i) => `C${i}`).join(', ');
    const findings = findingsWithArea(area.replace('north: [RAU]', `north: [RAU, ${codes}]`));
    expect(findings).toHaveLength(30_000);
    expect(findings[0]).toBe('plan/north-south/analysis.yaml unknown-unit 10:20 north has no unit "C0"');
  });

  it('reports a key written twice as the data holds it, so 1 and "1" are one key', () => {
    expect(findingsWithArea(`${area}x: 1\n1: a\n"1": b\n? 1\n: c\n`)).toEqual([
      'plan/north-south/analysis.yaml schema 28:1 unknown property "x"',
      'plan/north-south/analysis.yaml duplicate-key 30:1 duplicate key "1"',
      'plan/north-south/analysis.yaml duplicate-key 31:3 duplicate key "1"',
      // Located at the last of the three, whose value the data holds.
      'plan/north-south/analysis.yaml schema 31:3 unknown property "1"',
    ]);
  });

  it('refuses a file over the size limit before reading it, and reads one just under', () => {
    const line = `# ${'x'.repeat(99)}\n`;
    const big = line.repeat(Math.ceil((20 * 1024 * 1024) / line.length));
    expect(findingsWithArea(big)).toEqual(['plan/north-south/analysis.yaml resource-limit 1:1 the file is 20.0 MiB; a plan file may be at most 1 MiB']);
    const justUnder = area + line.repeat(Math.floor((MAX_FILE_BYTES - Buffer.byteLength(area)) / line.length));
    expect(Buffer.byteLength(justUnder)).toBeLessThanOrEqual(MAX_FILE_BYTES);
    expect(findingsWithArea(justUnder)).toEqual([]);
  });

  it('reads a plan whose area file holds a thousand and one activities', () => {
    const activity = (n: number) => `
  - id: AN-${n}
    title: Activity ${n} of a large plan
    status: planned
    units:
      north: [RAU]
      south: [IAU]
    text: >-
      ${'A long paragraph of the plan, as written in the source document. '.repeat(8)}
    related: [${n === 1 ? 'TR-1' : `AN-${n % 2 === 0 ? n + 1 : n - 1}`}]
    history:
      - date: 2019-07-18
        status: planned`;
    const text = `id: analysis\ntitle: Analysis\nprefix: AN\nactivities:${Array.from({ length: 1001 }, (_, i) => activity(i + 1)).join('')}\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(600_000);
    expect(findingsWithArea(text)).toEqual([]);
  });

  it('reads a line of a million characters', async () => {
    const cwd = scenario();
    const file = join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Joint analysis', `title: ${'long '.repeat(200_000)}`));
    const validate = await runPlan(['validate', '--format', 'json'], cwd);
    expect(expectFindingsOnRealLines(validate, cwd)).toEqual([]);
    const list = await runPlan(['list', '--format', 'json'], cwd);
    expectWellBehaved(list);
    expect((JSON.parse(list.stdout) as { title: string }[])[0]!.title).toHaveLength(1_000_000 - 1);
  });

  // Pipes and /dev/zero are POSIX; the symbolic links need no privilege there.
  it.skipIf(process.platform === 'win32')('gives findings, not crashes, for a dangling symlink, a symlink loop, a folder, a pipe and a device', () => {
    const cwd = scenario();
    const workspace = join(cwd, 'plan');
    const plan = join(workspace, MINIMAL_PLAN);
    rmSync(join(plan, 'analysis.yaml'));
    symlinkSync(join(plan, 'nowhere.yaml'), join(plan, 'analysis.yaml'));
    rmSync(join(plan, 'training.yaml'));
    symlinkSync(join(plan, 'loop-b.yaml'), join(plan, 'training.yaml'));
    symlinkSync(join(plan, 'training.yaml'), join(plan, 'loop-b.yaml'));
    rmSync(join(workspace, 'organisations', 'south.yaml'));
    mkdirSync(join(workspace, 'organisations', 'south.yaml'));
    mkdirSync(join(plan, 'x.yaml'));
    execFileSync('mkfifo', [join(plan, 'pipe.yaml')]);
    expect(loadFixture(workspace, { cwd, today }).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      'plan/organisations/south.yaml:1:1 unreadable-file a directory, not a file',
      'plan/north-south/analysis.yaml:1:1 unreadable-file the file does not exist (or is a dangling symbolic link)',
      'plan/north-south/training.yaml:1:1 unreadable-file a symbolic link loop',
      'plan/north-south/loop-b.yaml:1:1 unlisted-area-file loop-b.yaml is not listed under areas in plan.yaml (an area file is named <area-id>.yaml)',
      'plan/north-south/pipe.yaml:1:1 unlisted-area-file pipe.yaml is not listed under areas in plan.yaml (an area file is named <area-id>.yaml)',
      'plan/north-south/x.yaml:1:1 unlisted-area-file x.yaml is not listed under areas in plan.yaml (an area file is named <area-id>.yaml)',
    ]);
    // Listed, a pipe would block a plain read for ever, and a device never ends.
    rmSync(join(plan, 'analysis.yaml'));
    execFileSync('mkfifo', [join(plan, 'analysis.yaml')]);
    rmSync(join(plan, 'training.yaml'));
    symlinkSync('/dev/zero', join(plan, 'training.yaml'));
    const findings = loadFixture(workspace, { cwd, today }).findings.map((f) => `${f.file} ${f.rule} ${f.message}`);
    expect(findings).toContain('plan/north-south/analysis.yaml unreadable-file not a regular file (a device, pipe or socket)');
    expect(findings).toContain('plan/north-south/training.yaml unreadable-file not a regular file (a device, pipe or socket)');
    // So are workspace.yaml and an organisation file.
    rmSync(join(workspace, 'workspace.yaml'));
    execFileSync('mkfifo', [join(workspace, 'workspace.yaml')]);
    rmSync(join(workspace, 'organisations', 'north.yaml'));
    symlinkSync('/dev/zero', join(workspace, 'organisations', 'north.yaml'));
    const outside = loadFixture(workspace, { cwd, today }).findings.map((f) => `${f.file} ${f.rule} ${f.message}`);
    expect(outside).toContain('plan/workspace.yaml unreadable-file not a regular file (a device, pipe or socket)');
    expect(outside).toContain('plan/organisations/north.yaml unreadable-file not a regular file (a device, pipe or socket)');
  });

  it('ends each hostile file through the binary with exit 1 and a finding', () => {
    const cases: Record<string, string> = {
      'an alias bomb': `${billionLaughs}\n`,
      'a deep flow': `id: x\nactivities: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      'a deep block': `id: x\nactivities:\n  ${'- '.repeat(10_000)}x\n`,
      'a file of 20 MB': `# ${'x'.repeat(98)}\n`.repeat(210_000),
    };
    for (const [name, text] of Object.entries(cases)) {
      const cwd = scenario();
      writeFileSync(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'), text);
      const result = spawnSync(process.execPath, [bin, 'validate'], { cwd, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 30_000 });
      rmSync(cwd, { recursive: true, force: true });
      expect(result.status, name).toBe(1);
      expect(result.stderr, name).toBe('');
      expect(result.stdout, name).toMatch(/^plan\/north-south\/analysis\.yaml:\d+:\d+ error resource-limit /);
    }
  });
});
