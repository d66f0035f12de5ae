import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from './helpers.js';
import { parseYaml } from '../src/load/parseYaml.js';
import { tempDir, TODAY } from './helpers.js';
import { commandsFor, expectWellBehaved, runPlan } from './hostile.js';

const today = TODAY;

// Names an object inherits: as ids, codes and keys they must find nothing, and set nothing, on Object.prototype.
// The plan's id is one of them too: a workspace whose one plan is "constructor".
const PLAN = 'constructor';

const workspaceYaml = `plans:
  - ${PLAN}
`;

const planYaml = `title: A plan whose names are those of JavaScript's object machinery
parties:
  - organisation: constructor
  - organisation: prototype
areas:
  - constructor
  - prototype
`;

const constructorOrganisation = `id: constructor
name: The Constructor Agency
short_name: Constructor
units:
  - code: toString
    name: The toString Unit
    kind: unit
  - code: constructor
    name: The constructor Unit
    kind: unit
`;

const prototypeOrganisation = `id: prototype
name: The Prototype Agency
short_name: Prototype
units:
  - code: valueOf
    name: The valueOf Unit
    kind: unit
  - code: isPrototypeOf
    name: The isPrototypeOf Unit
    kind: unit
`;

// Another organisation, found in with by its name and its alias.
const protoOrganisation = `id: proto
name: __proto__
short_name: __proto__
aliases: [hasOwnProperty]
`;

const area = (id: string, prefix: string, units: string, related: string) => `id: ${id}
title: Area ${id}
prefix: ${prefix}
activities:
  - id: ${prefix}-1
    title: Activity of ${id}
    status: planned
    units: ${units}
    with: [__proto__, hasOwnProperty]
    text: Text of ${id}.
    related: [${related}]
    history:
      - date: 2019-07-18
        status: planned
`;

/** A workspace in `<tmp>/plan` with `files` (paths inside it) written; returns `<tmp>`, the folder to run in. */
function writePlan(files: Record<string, string>): string {
  const cwd = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(cwd, 'plan', name)), { recursive: true });
    writeFileSync(join(cwd, 'plan', name), text);
  }
  return cwd;
}

const validPlan = {
  'workspace.yaml': workspaceYaml,
  'organisations/constructor.yaml': constructorOrganisation,
  'organisations/prototype.yaml': prototypeOrganisation,
  'organisations/proto.yaml': protoOrganisation,
  [`${PLAN}/plan.yaml`]: planYaml,
  [`${PLAN}/constructor.yaml`]: area('constructor', 'C', '{constructor: [toString, constructor]}', 'P-1'),
  [`${PLAN}/prototype.yaml`]: area('prototype', 'P', '{prototype: [valueOf, isPrototypeOf]}', 'C-1'),
};

// The same names where the schema allows no such key, and __proto__ as a key everywhere. With workspace.yaml
// invalid no plan is read, and with plan.yaml invalid no area file is: so each breaks in a workspace of its own.
const brokenWorkspaceFile = { ...validPlan, 'workspace.yaml': `${workspaceYaml}__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\n` };
const brokenPlanFile = { ...validPlan, [`${PLAN}/plan.yaml`]: `${planYaml}__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\n` };
const brokenPlan = {
  ...validPlan,
  'organisations/constructor.yaml': constructorOrganisation.replace('    name: The toString Unit\n', '    name: The toString Unit\n    __proto__: {polluted: yes}\n'),
  'organisations/prototype.yaml': `${prototypeOrganisation}__proto__:\n  - code: polluted\n    name: Polluted\n    kind: unit\n`,
  [`${PLAN}/constructor.yaml`]: area('constructor', 'C', '{__proto__: [polluted], constructor: [toString]}', 'P-1').replace('    text:', '    __proto__: {polluted: yes}\n    text:'),
  [`${PLAN}/prototype.yaml`]: `${area('prototype', 'P', '{prototype: [valueOf]}', 'C-1')}__proto__:\n  polluted: yes\nprototype: {polluted: yes}\n`,
};

function objectPrototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

describe('prototype safety', () => {
  it('loads names such as constructor and __proto__ as plain data', () => {
    const before = objectPrototypeSnapshot();
    const cwd = writePlan(validPlan);
    const { plan, findings } = loadFixture(join(cwd, 'plan'), { cwd, today });
    expect(findings).toEqual([]);
    expect(plan!.parties.map((party) => party.id)).toEqual(['constructor', 'prototype']);
    expect([...plan!.units.keys()]).toEqual(['constructor', 'prototype']);
    const [first, second] = plan!.activities;
    expect(Object.getPrototypeOf(first!.units)).toBeNull();
    expect(first!.units.prototype).toBeUndefined();
    expect(second!.units.constructor).toBeUndefined();
    expect(first!.with).toEqual(['__proto__', 'hasOwnProperty']);
    expect(objectPrototypeSnapshot()).toEqual(before);
  });

  it('lists and filters by those names', async () => {
    const cwd = writePlan(validPlan);
    const ids = async (...unit: string[]) => {
      const run = await runPlan(['list', ...unit.flatMap((code) => ['--unit', code]), '--format', 'json'], cwd);
      expectWellBehaved(run);
      return run.code === 0 ? (JSON.parse(run.stdout) as { id: string }[]).map((activity) => activity.id) : run.stderr;
    };
    expect(await ids('toString')).toEqual(['C-1']);
    expect(await ids('constructor:constructor')).toEqual(['C-1']);
    expect(await ids('valueOf', 'isPrototypeOf')).toEqual(['P-1']);
    expect(await ids('prototype:toString')).toMatch(/no unit "toString"/);
    const table = await runPlan(['list'], cwd);
    expectWellBehaved(table);
    expect(table.stdout.split('\n')).toEqual([
      'ID   Status   Title                    Constructor            Prototype',
      'C-1  planned  Activity of constructor  toString, constructor',
      'P-1  planned  Activity of prototype                           valueOf, isPrototypeOf',
      '',
    ]);
    const json = await runPlan(['list', '--format', 'json'], cwd);
    const units: Record<string, string[]>[] = [{ constructor: ['toString', 'constructor'] }, { prototype: ['valueOf', 'isPrototypeOf'] }];
    expect((JSON.parse(json.stdout) as { units: object }[]).map((activity) => activity.units)).toEqual(units);
  });

  it('reports __proto__ keys as findings, keeps them as own data, and leaves Object.prototype untouched', async () => {
    const before = objectPrototypeSnapshot();
    const findings = (files: Record<string, string>) => {
      const cwd = writePlan(files);
      return loadFixture(join(cwd, 'plan'), { cwd, today }).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`);
    };
    expect(findings(brokenWorkspaceFile)).toEqual([
      'plan/workspace.yaml:3:1 schema unknown property "__proto__"',
      'plan/workspace.yaml:4:1 schema unknown property "constructor"',
    ]);
    expect(findings(brokenPlanFile)).toEqual([
      'plan/constructor/plan.yaml:8:1 schema unknown property "__proto__"',
      'plan/constructor/plan.yaml:9:1 schema unknown property "constructor"',
    ]);
    expect(findings(brokenPlan)).toEqual([
      'plan/organisations/constructor.yaml:7:5 schema unknown property "__proto__"',
      'plan/organisations/prototype.yaml:11:1 schema unknown property "__proto__"',
      'plan/constructor/constructor.yaml:8:13 schema "__proto__" is not a valid key: expected a match for ^[a-z0-9]+(-[a-z0-9]+)*$',
      'plan/constructor/constructor.yaml:10:5 schema unknown property "__proto__"',
      'plan/constructor/prototype.yaml:15:1 schema unknown property "__proto__"',
      'plan/constructor/prototype.yaml:17:1 schema unknown property "prototype"',
    ]);
    for (const files of [brokenWorkspaceFile, brokenPlanFile, brokenPlan]) {
      const cwd = writePlan(files);
      for (const argv of commandsFor('C-1')) {
        const run = await runPlan(argv, cwd);
        expectWellBehaved(run);
        expect(run.code, argv.join(' ')).toBe(1);
      }
    }
    const { data } = parseYaml('__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\n', 'x.yaml');
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data as object)).toEqual(['__proto__', 'constructor']);
    expect(objectPrototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names a mapping with toString and valueOf keys where a message quotes a value, instead of converting it', async () => {
    const areaFile = `${PLAN}/prototype.yaml`;
    const files = { ...validPlan, [areaFile]: validPlan[areaFile]!.replace('status: planned\n    units', 'status: {toString: x, valueOf: y}\n    units') };
    const cwd = writePlan(files);
    const run = await runPlan(['validate'], cwd);
    expectWellBehaved(run);
    expect(run.stdout).toBe('plan/constructor/prototype.yaml:7:13 error schema status: expected string, found a mapping\n1 error, 0 warnings\n');
    // Unique lists compared such items with ajv's deep equal, which called their toString.
    const lists = { ...validPlan, [areaFile]: validPlan[areaFile]!.replace('related: [C-1]', 'related: [{toString: x}, {toString: x}]') };
    const listed = await runPlan(['validate'], writePlan(lists));
    expectWellBehaved(listed);
    expect(listed.stdout).toBe(
      'plan/constructor/prototype.yaml:11:15 error schema expected string, found a mapping\n' +
        'plan/constructor/prototype.yaml:11:30 error schema expected string, found a mapping\n' +
        '2 errors, 0 warnings\n',
    );
  });

  it('runs every command on the valid plan without touching Object.prototype', async () => {
    const before = objectPrototypeSnapshot();
    const cwd = writePlan(validPlan);
    for (const argv of commandsFor('C-1')) {
      const run = await runPlan(argv, cwd);
      expectWellBehaved(run);
      expect(run.code === 0 || (run.code === 2 && argv.includes('RAU')), `${argv.join(' ')}: ${run.stderr}`).toBe(true);
    }
    expect(objectPrototypeSnapshot()).toEqual(before);
  });
});
