import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../helpers.js';
import { invalidScenarios, MINIMAL_PLAN, scenario, TODAY } from '../helpers.js';

const today = TODAY;

function findingsOf(name: string, options: { findingsOnly?: boolean } = {}) {
  const cwd = scenario(name);
  return loadFixture(join(cwd, 'plan'), { cwd, today, ...options }).findings.map(({ file, line, column, rule, message, severity }) => ({
    at: `${file}:${line}:${column}`,
    rule,
    severity,
    message,
  }));
}

// One scenario per rule (test/fixtures/invalid/<name>), each with every finding it must give, exactly.
const expected: Record<string, ReturnType<typeof findingsOf>> = {
  'area-id-mismatch': [
    { at: 'plan/north-south/training.yaml:2:5', rule: 'area-id-mismatch', severity: 'error', message: 'area id "trainings" does not match the file name (expected "training")' },
  ],
  'duplicate-id': [
    { at: 'plan/north-south/analysis.yaml:18:9', rule: 'duplicate-id', severity: 'error', message: 'activity id "AN-1" is already used at plan/north-south/analysis.yaml:6:9' },
  ],
  'duplicate-key': [{ at: 'plan/north-south/training.yaml:8:5', rule: 'duplicate-key', severity: 'error', message: 'duplicate key "title"' }],
  'duplicate-organisation': [
    {
      at: 'plan/organisations/frontex.yaml:6:9',
      rule: 'duplicate-organisation',
      severity: 'error',
      message: 'organisation id "europol" is already used by plan/organisations/europol.yaml',
    },
  ],
  'duplicate-party': [
    { at: 'plan/north-south/plan.yaml:6:19', rule: 'duplicate-party', severity: 'error', message: 'party 3 ("north") is the organisation "north", already party 1' },
  ],
  'duplicate-prefix': [
    { at: 'plan/north-south/analysis.yaml:14:15', rule: 'unknown-related', severity: 'error', message: 'related activity "TR-1" does not exist' },
    { at: 'plan/north-south/training.yaml:4:9', rule: 'duplicate-prefix', severity: 'error', message: 'prefix "AN" is already the prefix of area "analysis"' },
    { at: 'plan/north-south/training.yaml:16:15', rule: 'related-one-way', severity: 'warning', message: 'AN-3 lists AN-1 as related, but AN-1 does not list AN-3' },
  ],
  'duplicate-unit': [
    { at: 'plan/organisations/north.yaml:12:11', rule: 'duplicate-unit', severity: 'error', message: 'north defines unit "rau" twice (first at line 6)' },
  ],
  'history-future': [
    { at: 'plan/north-south/analysis.yaml:28:15', rule: 'history-future', severity: 'error', message: `history date 2099-01-01 is in the future (today is ${TODAY})` },
  ],
  'history-order': [
    {
      at: 'plan/north-south/analysis.yaml:28:15',
      rule: 'history-order',
      severity: 'error',
      message: 'history entry 2 (2019-07-01) is older than the entry before it (2019-07-18); oldest first',
    },
  ],
  'history-status': [
    { at: 'plan/north-south/training.yaml:8:13', rule: 'history-status', severity: 'error', message: 'status is "completed" but the last history entry (2019-07-18) says "planned"' },
  ],
  'id-prefix-mismatch': [
    { at: 'plan/north-south/analysis.yaml:14:15', rule: 'unknown-related', severity: 'error', message: 'related activity "TR-1" does not exist (did you mean TX-1?)' },
    { at: 'plan/north-south/training.yaml:6:9', rule: 'id-prefix-mismatch', severity: 'error', message: 'activity id "TX-1" does not start with the area\'s prefix "TR-"' },
    { at: 'plan/north-south/training.yaml:16:15', rule: 'related-one-way', severity: 'warning', message: 'TX-1 lists AN-1 as related, but AN-1 does not list TX-1' },
  ],
  'invalid-date': [{ at: 'plan/north-south/training.yaml:18:15', rule: 'invalid-date', severity: 'error', message: '2019-02-30 is not a calendar date' }],
  'missing-area-file': [
    { at: 'plan/north-south/plan.yaml:9:5', rule: 'missing-area-file', severity: 'error', message: 'area "research" has no file plan/north-south/research.yaml' },
  ],
  'missing-plan-folder': [
    {
      at: 'plan/workspace.yaml:4:5',
      rule: 'missing-plan-folder',
      severity: 'error',
      message: 'plan "east-west" has no folder plan/east-west/ holding a plan.yaml',
    },
  ],
  'organisation-id-mismatch': [
    {
      at: 'plan/organisations/europol.yaml:2:5',
      rule: 'organisation-id-mismatch',
      severity: 'error',
      message: 'organisation id "europool" does not match the file name (expected "europol")',
    },
  ],
  'replaced-without-end': [
    {
      at: 'plan/organisations/north.yaml:9:18',
      rule: 'replaced-without-end',
      severity: 'error',
      message: 'RAU names its successors but no last day: add until: YYYY-MM-DD',
    },
  ],
  'replacement-loop': [
    { at: 'plan/organisations/north.yaml:10:19', rule: 'replacement-loop', severity: 'error', message: 'RAU is replaced by TRU, which leads back to RAU' },
    { at: 'plan/organisations/north.yaml:15:19', rule: 'replacement-loop', severity: 'error', message: 'TRU is replaced by RAU, which leads back to TRU' },
  ],
  'related-one-way': [
    { at: 'plan/north-south/training.yaml:16:21', rule: 'related-one-way', severity: 'warning', message: 'TR-1 lists AN-2 as related, but AN-2 does not list TR-1' },
  ],
  'schema-enum': [
    {
      at: 'plan/north-south/analysis.yaml:20:13',
      rule: 'schema',
      severity: 'error',
      message: 'status: "ongiong" is not one of planned, in-progress, ongoing, completed, on-hold, cancelled (did you mean ongoing?)',
    },
    {
      at: 'plan/north-south/analysis.yaml:27:17',
      rule: 'schema',
      severity: 'error',
      message: 'status: "ongiong" is not one of planned, in-progress, ongoing, completed, on-hold, cancelled (did you mean ongoing?)',
    },
  ],
  'schema-pattern': [
    { at: 'plan/north-south/analysis.yaml:14:15', rule: 'unknown-related', severity: 'error', message: 'related activity "TR-1" does not exist (did you mean TR1?)' },
    {
      at: 'plan/north-south/training.yaml:6:9',
      rule: 'schema',
      severity: 'error',
      message: 'id: "TR1" is not valid: expected an activity id: the area prefix, a hyphen and a number, e.g. IA-2',
    },
    { at: 'plan/north-south/training.yaml:16:15', rule: 'related-one-way', severity: 'warning', message: 'TR1 lists AN-1 as related, but AN-1 does not list TR1' },
  ],
  'schema-required': [{ at: 'plan/north-south/training.yaml:6:5', rule: 'schema', severity: 'error', message: 'missing required property "title"' }],
  'schema-type': [{ at: 'plan/north-south/plan.yaml:2:8', rule: 'schema', severity: 'error', message: 'title: expected string, found a list' }],
  'schema-unknown-property': [
    { at: 'plan/north-south/analysis.yaml:25:5', rule: 'schema', severity: 'error', message: 'unknown property "owner"' },
  ],
  'supersedes-loop': [
    {
      at: 'plan/north-south/plan.yaml:3:13',
      rule: 'supersedes-loop',
      severity: 'error',
      message: 'north-south supersedes north-south-2015 supersedes north-south: a plan cannot come after itself',
    },
    {
      at: 'plan/north-south-2015/plan.yaml:3:13',
      rule: 'supersedes-loop',
      severity: 'error',
      message: 'north-south-2015 supersedes north-south supersedes north-south-2015: a plan cannot come after itself',
    },
  ],
  'unit-not-current': [
    {
      at: 'plan/north-south/training.yaml:10:15',
      rule: 'unit-not-current',
      severity: 'error',
      message: 'north unit "TRU" ended on 2019-06-30, before the plan was signed on 2019-07-18; its work passed to TCU',
    },
    {
      at: 'plan/north-south/training.yaml:11:15',
      rule: 'unit-not-current',
      severity: 'error',
      message: 'south unit "TAU" was set up on 2019-09-01, after the plan was signed on 2019-07-18',
    },
  ],
  'unknown-continues': [
    {
      at: 'plan/north-south/training.yaml:9:16',
      rule: 'unknown-continues',
      severity: 'error',
      message: 'continues "north-south-2015/AN-9": no such activity in north-south-2015',
    },
    {
      at: 'plan/north-south-2015/analysis.yaml:9:16',
      rule: 'unknown-continues',
      severity: 'error',
      message: 'continues "north-south/AN-1": north-south-2015 does not supersede north-south (set supersedes: north-south in its plan.yaml)',
    },
  ],
  'unknown-organisation': [
    {
      at: 'plan/north-south/analysis.yaml:12:12',
      rule: 'unknown-organisation',
      severity: 'error',
      message: 'no organisation "Europool" in organisations/ (did you mean Europol?)',
    },
  ],
  'unknown-organisation-copies': [
    {
      at: 'plan/north-south/plan.yaml:6:26',
      rule: 'unknown-organisation',
      severity: 'error',
      message: 'no party or organisation "europool" (did you mean europol?)',
    },
  ],
  'unknown-organisation-party': [
    {
      at: 'plan/north-south/plan.yaml:6:19',
      rule: 'unknown-organisation',
      severity: 'error',
      message: 'no organisation "east": each party needs a file organisations/<id>.yaml',
    },
  ],
  'unknown-party': [
    { at: 'plan/north-south/training.yaml:11:7', rule: 'unknown-party', severity: 'error', message: 'no party "sotuh" in plan.yaml (did you mean south?)' },
  ],
  'unknown-related': [
    { at: 'plan/north-south/training.yaml:16:21', rule: 'unknown-related', severity: 'error', message: 'related activity "AN-9" does not exist (did you mean AN-1?)' },
  ],
  'unknown-plan': [
    { at: 'plan/north-south/plan.yaml:3:13', rule: 'unknown-plan', severity: 'error', message: 'no plan "north-south-2015" in the workspace (did you mean north-south?)' },
  ],
  'unknown-related-plan': [
    {
      at: 'plan/north-south/training.yaml:16:21',
      rule: 'unknown-related',
      severity: 'error',
      message: 'related activity "north-south-2015/AN-2" does not exist',
    },
  ],
  'unknown-timezone': [
    {
      at: 'plan/workspace.yaml:4:11',
      rule: 'unknown-timezone',
      severity: 'error',
      message: '"Europe/Warsow" is not an IANA time zone (e.g. Europe/Warsaw, UTC)',
    },
  ],
  'unknown-unit': [{ at: 'plan/north-south/training.yaml:10:15', rule: 'unknown-unit', severity: 'error', message: 'north has no unit "TUR" (did you mean TRU?)' }],
  'unknown-unit-replaced-by': [
    {
      at: 'plan/organisations/north.yaml:10:19',
      rule: 'unknown-unit',
      severity: 'error',
      message: 'north has no unit "RCA" to replace RAU (did you mean RAC?)',
    },
  ],
  'unlisted-area-file': [
    {
      at: 'plan/north-south/research.yaml:1:1',
      rule: 'unlisted-area-file',
      severity: 'error',
      message: 'research.yaml is not listed under areas in plan.yaml (an area file is named <area-id>.yaml)',
    },
  ],
  'unlisted-file': [
    {
      at: 'plan/plan.yaml:1:1',
      rule: 'unlisted-file',
      severity: 'error',
      message: 'plan.yaml is not a file of the workspace: each plan lives in a folder of its own, its units in organisations/<id>.yaml',
    },
  ],
  'unlisted-plan-folder': [
    {
      at: 'plan/north-south-2015/plan.yaml:1:1',
      rule: 'unlisted-plan-folder',
      severity: 'error',
      message: 'plan folder north-south-2015/ is not listed under plans in workspace.yaml: add "- north-south-2015" there',
    },
  ],
  'unused-unit': [{ at: 'plan/organisations/north.yaml:12:11', rule: 'unused-unit', severity: 'warning', message: 'north unit "FSC" carries no activity' }],
  'yaml-syntax': [
    { at: 'plan/north-south/analysis.yaml:13:5', rule: 'yaml-syntax', severity: 'error', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]' },
  ],
};

describe('validation rules', () => {
  it('has an expectation for every scenario and a scenario for every expectation', () => {
    expect(Object.keys(expected).sort()).toEqual(invalidScenarios());
  });

  it('finds nothing in the minimal plan', () => {
    expect(findingsOf('')).toEqual([]);
  });

  for (const name of invalidScenarios()) {
    it(`reports ${name} at its exact position`, () => {
      expect(findingsOf(name)).toEqual(expected[name]);
    });
  }

  // plan validate loads for its findings only, building no plan: it must find exactly the same.
  it('finds the same in every scenario when only the findings are wanted, as validate loads', () => {
    for (const name of invalidScenarios()) expect(findingsOf(name, { findingsOnly: true }), name).toEqual(expected[name]);
  });

  it('reports a directory named like an area file', () => {
    const cwd = scenario();
    const workspaceDir = join(cwd, 'plan');
    mkdirSync(join(workspaceDir, MINIMAL_PLAN, 'folder.yaml'));
    const findings = loadFixture(workspaceDir, { cwd, today }).findings;
    expect(findings).toContainEqual(expect.objectContaining({ file: `plan/${MINIMAL_PLAN}/folder.yaml`, line: 1, column: 1, rule: 'unlisted-area-file' }));
  });
});
