import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { SHIPPED_PLAN, shippedPlan, tempDir } from './helpers.js';
import { COMMANDS, expectFindingsOnRealLines, expectWellBehaved, HOSTILE_STRINGS, planFiles, runPlan, type Run } from './hostile.js';
import { RULES } from '../src/ruleRegistry.js';

// Random mutations of the shipped plan, run through every command: whatever the files hold, no command
// fails inside, exits with a code outside 0, 1 and 2, points at a line the file lacks, writes a raw control
// character from the data, or changes a file. `npm run fuzz` runs many more cases; FUZZ_SEED replays one.
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) };

// Every file of the workspace, by its path in it: workspace.yaml, the organisation files, plan.yaml and the area files.
const shipped = planFiles(shippedPlan);
const fileNames = [...shipped.keys()].sort();
const AREA_FILE = `${SHIPPED_PLAN}/information-and-analysis.yaml`;
const cwd = tempDir();
cpSync(shippedPlan, join(cwd, 'plan'), { recursive: true });
const planDir = join(cwd, 'plan');

afterEach(() => {
  for (const [name, text] of shipped) writeFileSync(join(planDir, name), text);
});

// Every string of the shipped data: ids, codes, party ids, statuses, dates, so that a swap makes sense.
const planStrings = [...new Set([...shipped.values()].flatMap((text) => strings(parse(text))))];

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [key, ...strings(item)]);
  return [];
}

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...planStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', '', ' ', '-', ':', '&a', '*a', '!!binary', '? x', '- x', '{', '[', '#', '|', '>') },
);

// Values of every type, among them mappings whose keys are the names of the object machinery.
const value = fc.oneof(
  text,
  fc.constantFrom<unknown>(0, -1, 3.5, 1e21, true, false, null, [], {}, [[]], { a: {} }, '2019-02-30', '2999-01-01', 'planned', 'IA-2'),
  fc.constantFrom<unknown>(
    { toString: 'x' },
    { valueOf: 1, toString: [] },
    { constructor: { prototype: 'x' } },
    JSON.parse('{"__proto__": {"polluted": 1}}'),
    [{ toString: 'x' }, { toString: 'x' }],
    [['a'], ['a']],
  ),
);

// Edits of the text, as a careless hand or a bad merge makes them: lines lost, doubled, swapped, re-indented, text dropped in.
const textEdit = fc.record({
  kind: fc.constant('text' as const),
  file: fc.constantFrom(...fileNames),
  op: fc.constantFrom('delete', 'duplicate', 'swap', 'indent', 'outdent', 'insert', 'replace-line', 'truncate'),
  at: fc.nat(),
  other: fc.nat(),
  insert: text,
});

// Edits of the data, written back as YAML: keys and values deleted, duplicated, retyped, renamed, swapped.
const dataEdit = fc.record({
  kind: fc.constant('data' as const),
  file: fc.constantFrom(...fileNames),
  op: fc.constantFrom('delete', 'duplicate', 'retype', 'rename', 'set-text', 'swap'),
  at: fc.nat(),
  other: fc.nat(),
  value,
  key: text,
});

type Edit = typeof textEdit extends fc.Arbitrary<infer T> ? T | (typeof dataEdit extends fc.Arbitrary<infer D> ? D : never) : never;

function applyText(source: string, edit: Edit & { kind: 'text' }): string {
  const lines = source.split('\n');
  const i = edit.at % lines.length;
  const j = edit.other % lines.length;
  switch (edit.op) {
    case 'delete':
      lines.splice(i, 1 + (edit.other % 3));
      break;
    case 'duplicate':
      lines.splice(i, 0, ...lines.slice(i, i + 1 + (edit.other % 3)));
      break;
    case 'swap':
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      break;
    case 'indent':
      lines[i] = `  ${lines[i]}`;
      break;
    case 'outdent':
      lines[i] = lines[i]!.replace(/^ {1,2}/, '');
      break;
    case 'insert': {
      const line = lines[i]!;
      const column = edit.other % (line.length + 1);
      lines[i] = line.slice(0, column) + edit.insert + line.slice(column);
      break;
    }
    case 'replace-line':
      lines[i] = lines[i]!.replace(/(:\s*).*$/, `$1${edit.insert}`);
      break;
    case 'truncate':
      return source.slice(0, edit.at % (source.length + 1));
  }
  return lines.join('\n');
}

type Container = Record<string, unknown> | unknown[];
type Place = { parent: Container; key: string | number };

// Every place in the data a value sits, parents before children.
function places(root: unknown): Place[] {
  const found: Place[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((item, index) => [index, item]) : Object.entries(node);
    for (const [key, item] of entries) {
      found.push({ parent: node as Container, key });
      stack.push(item);
    }
  }
  return found;
}

// Sets an own property, even one named __proto__, as parsed YAML holds it.
function put(parent: Container, key: string | number, item: unknown): void {
  if (Array.isArray(parent) && typeof key === 'number') parent[key] = item;
  else Object.defineProperty(parent, key, { value: item, enumerable: true, writable: true, configurable: true });
}

function applyData(source: string, edit: Edit & { kind: 'data' }): string {
  const data = parse(source) as unknown;
  const all = places(data);
  if (all.length === 0) return source;
  const { parent, key } = all[edit.at % all.length]!;
  const current = (parent as Record<string | number, unknown>)[key];
  switch (edit.op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      break;
    case 'duplicate':
      // The same object twice: written back with an anchor and an alias.
      if (Array.isArray(parent)) parent.splice(key as number, 0, current);
      else put(parent, edit.key, current);
      break;
    case 'retype':
      put(parent, key, edit.value);
      break;
    case 'rename':
      if (Array.isArray(parent)) put(parent, key, { [edit.key]: current });
      else {
        delete parent[key as string];
        put(parent, edit.key, current);
      }
      break;
    case 'set-text':
      put(parent, key, edit.key);
      break;
    case 'swap': {
      const other = all[edit.other % all.length]!;
      put(parent, key, structuredClone((other.parent as Record<string | number, unknown>)[other.key]));
      break;
    }
  }
  return stringify(data);
}

// validate --format json, for the findings, and a few of the other commands, chosen by each case.
const validateJson = COMMANDS.find((argv) => argv.join(' ') === 'validate --format json')!;
const commands = fc.subarray(COMMANDS.filter((argv) => argv !== validateJson) as (readonly string[])[], { minLength: 1, maxLength: 3 });

async function runAll(editsApplied: Edit[], chosen: readonly (readonly string[])[]): Promise<void> {
  const runs: Run[] = [];
  for (const argv of [validateJson, ...chosen]) runs.push(await runPlan(argv, cwd));
  for (const run of runs) expectWellBehaved(run);
  const validate = runs[0]!;
  const findings = expectFindingsOnRealLines(validate, cwd);
  const valid = validate.code === 0;
  // Every other command agrees with validate on whether the plan can be used.
  for (const run of runs) {
    if (run.argv[0] === 'validate') continue;
    // set-status also refuses, with 1, an edit whose result would be invalid (a date before a later history entry is 2).
    const expected = valid ? (run.argv[0] === 'set-status' ? [0, 1, 2] : [0, 2]) : [1];
    expect(expected, `${run.argv.join(' ')} on ${JSON.stringify(editsApplied).slice(0, 500)}: ${run.stderr}`).toContain(run.code);
  }
  expect(findings.filter((finding) => !Object.hasOwn(RULES, finding.rule))).toEqual([]);
}

function expectFilesUnchanged(written: Map<string, string>): void {
  for (const [name, text] of written) expect(readFileSync(join(planDir, name)).equals(Buffer.from(text)), name).toBe(true);
}

describe('fuzzing the shipped plan', () => {
  it('edits every kind of file of the workspace', () => {
    expect(fileNames).toContain('workspace.yaml');
    expect(fileNames).toContain(`${SHIPPED_PLAN}/plan.yaml`);
    expect(fileNames).toContain(AREA_FILE);
    expect(fileNames.filter((name) => name.startsWith(`${SHIPPED_PLAN}/`))).toHaveLength(5);
    expect(fileNames.filter((name) => /^organisations\/[^/]+\.yaml$/.test(name))).toEqual(
      expect.arrayContaining(['organisations/euaa.yaml', 'organisations/frontex.yaml', 'organisations/europol.yaml']),
    );
    expect(fileNames.every((name) => name.endsWith('.yaml'))).toBe(true);
  });

  it('keeps every promise under random edits of the text', { timeout: 1_000 + RUNS * 500 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(textEdit, { minLength: 1, maxLength: 3 }), commands, async (edits, chosen) => {
        const written = new Map(shipped);
        for (const edit of edits) written.set(edit.file, applyText(written.get(edit.file)!, edit));
        for (const [name, source] of written) writeFileSync(join(planDir, name), source);
        await runAll(edits, chosen);
        expectFilesUnchanged(written);
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('keeps every promise under random edits of the data', { timeout: 1_000 + RUNS * 500 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(dataEdit, { minLength: 1, maxLength: 3 }), commands, async (edits, chosen) => {
        const written = new Map(shipped);
        for (const edit of edits) written.set(edit.file, applyData(written.get(edit.file)!, edit));
        for (const [name, source] of written) writeFileSync(join(planDir, name), source);
        await runAll(edits, chosen);
        expectFilesUnchanged(written);
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('keeps every promise when the data edits leave the plan valid', { timeout: 1_000 + RUNS * 500 }, async () => {
    // Hostile text in an activity's title or text, where any text is allowed: the plan stays valid, so list shows it.
    const titles = places(parse(shipped.get(AREA_FILE)!))
      .map((place, index) => ({ index, ...place }))
      .filter((place) => (place.key === 'title' || place.key === 'text') && 'status' in place.parent)
      .map((place) => place.index);
    expect(titles).toHaveLength(8);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...titles), text.filter((title) => title.trim() !== ''), commands, async (at, title, chosen) => {
        const edit: Edit = { kind: 'data', file: AREA_FILE, op: 'set-text', at, other: 0, value: null, key: title };
        const source = applyData(shipped.get(edit.file)!, edit);
        writeFileSync(join(planDir, edit.file), source);
        await runAll([edit], chosen);
        const list = await runPlan(['list', '--format', 'json'], cwd);
        expect(list.code).toBe(0);
        expect(JSON.stringify(JSON.parse(list.stdout))).toContain(JSON.stringify(title).slice(1, -1));
      }),
      { numRuns: RUNS, ...SEED },
    );
  });
});
