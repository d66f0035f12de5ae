import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/load/loadPlan.js';
import { invalidScenarios, scenario } from '../helpers.js';

const today = '2026-11-28';

function findingsOf(name: string) {
  const cwd = scenario(name);
  return loadPlan(join(cwd, 'plan'), { cwd, today }).findings.map(({ file, line, column, rule, message, severity }) => ({
    at: `${file}:${line}:${column}`,
    rule,
    severity,
    message,
  }));
}

// One scenario per rule (test/fixtures/invalid/<name>), each with every finding it must give, exactly.
const expected: Record<string, ReturnType<typeof findingsOf>> = {
  'area-id-mismatch': [
    { at: 'plan/training.yaml:2:5', rule: 'area-id-mismatch', severity: 'error', message: 'area id "trainings" does not match the file name (expected "training")' },
  ],
  'duplicate-id': [
    { at: 'plan/analysis.yaml:18:9', rule: 'duplicate-id', severity: 'error', message: 'activity id "AN-1" is already used at plan/analysis.yaml:6:9' },
  ],
  'duplicate-key': [{ at: 'plan/training.yaml:8:5', rule: 'duplicate-key', severity: 'error', message: 'duplicate key "title"' }],
  'duplicate-party': [{ at: 'plan/plan.yaml:10:9', rule: 'duplicate-party', severity: 'error', message: 'party "north" is declared twice' }],
  'duplicate-prefix': [
    { at: 'plan/analysis.yaml:14:15', rule: 'unknown-related', severity: 'error', message: 'related activity "TR-1" does not exist (did you mean AN-1?)' },
    { at: 'plan/training.yaml:4:9', rule: 'duplicate-prefix', severity: 'error', message: 'prefix "AN" is already the prefix of area "analysis"' },
    { at: 'plan/training.yaml:16:15', rule: 'related-one-way', severity: 'warning', message: 'AN-3 lists AN-1 as related, but AN-1 does not list AN-3' },
  ],
  'duplicate-unit': [{ at: 'plan/units.yaml:10:13', rule: 'duplicate-unit', severity: 'error', message: 'north defines unit "rau" twice' }],
  'history-future': [
    { at: 'plan/analysis.yaml:28:15', rule: 'history-future', severity: 'error', message: 'history date 2099-01-01 is in the future (today is 2026-11-28)' },
  ],
  'history-order': [
    {
      at: 'plan/analysis.yaml:28:15',
      rule: 'history-order',
      severity: 'error',
      message: 'history entry 2 (2019-07-01) is older than the entry before it (2019-07-18); oldest first',
    },
  ],
  'history-status': [
    { at: 'plan/training.yaml:8:13', rule: 'history-status', severity: 'error', message: 'status is "completed" but the last history entry (2019-07-18) says "planned"' },
  ],
  'id-prefix-mismatch': [
    { at: 'plan/analysis.yaml:14:15', rule: 'unknown-related', severity: 'error', message: 'related activity "TR-1" does not exist (did you mean TX-1?)' },
    { at: 'plan/training.yaml:6:9', rule: 'id-prefix-mismatch', severity: 'error', message: 'activity id "TX-1" does not start with the area\'s prefix "TR-"' },
    { at: 'plan/training.yaml:16:15', rule: 'related-one-way', severity: 'warning', message: 'TX-1 lists AN-1 as related, but AN-1 does not list TX-1' },
  ],
  'invalid-date': [{ at: 'plan/training.yaml:18:15', rule: 'invalid-date', severity: 'error', message: '2019-02-30 is not a calendar date' }],
  'missing-area-file': [
    { at: 'plan/plan.yaml:16:5', rule: 'missing-area-file', severity: 'error', message: 'area "research" has no file plan/research.yaml' },
  ],
  'related-one-way': [
    { at: 'plan/training.yaml:16:21', rule: 'related-one-way', severity: 'warning', message: 'TR-1 lists AN-2 as related, but AN-2 does not list TR-1' },
  ],
  'schema-enum': [
    {
      at: 'plan/analysis.yaml:20:13',
      rule: 'schema',
      severity: 'error',
      message: 'status: "ongiong" is not one of planned, in-progress, ongoing, completed, on-hold, cancelled (did you mean ongoing?)',
    },
    {
      at: 'plan/analysis.yaml:27:17',
      rule: 'schema',
      severity: 'error',
      message: 'status: "ongiong" is not one of planned, in-progress, ongoing, completed, on-hold, cancelled (did you mean ongoing?)',
    },
  ],
  'schema-pattern': [
    { at: 'plan/analysis.yaml:14:15', rule: 'unknown-related', severity: 'error', message: 'related activity "TR-1" does not exist (did you mean TR1?)' },
    {
      at: 'plan/training.yaml:6:9',
      rule: 'schema',
      severity: 'error',
      message: 'id: "TR1" is not valid: expected an activity id: the area prefix, a hyphen and a number, e.g. IA-2',
    },
    { at: 'plan/training.yaml:16:15', rule: 'related-one-way', severity: 'warning', message: 'TR1 lists AN-1 as related, but AN-1 does not list TR1' },
  ],
  'schema-required': [{ at: 'plan/training.yaml:6:5', rule: 'schema', severity: 'error', message: 'missing required property "title"' }],
  'schema-type': [{ at: 'plan/plan.yaml:2:8', rule: 'schema', severity: 'error', message: 'title: expected string, found a list' }],
  'schema-unknown-property': [
    { at: 'plan/analysis.yaml:25:5', rule: 'schema', severity: 'error', message: 'unknown property "owner" (did you mean with?)' },
  ],
  'unknown-organisation': [
    { at: 'plan/analysis.yaml:12:12', rule: 'unknown-organisation', severity: 'error', message: 'no organisation "Europool" in plan.yaml (did you mean Europol?)' },
  ],
  'unknown-party': [
    { at: 'plan/training.yaml:11:7', rule: 'unknown-party', severity: 'error', message: 'no party "sotuh" in plan.yaml (did you mean south?)' },
  ],
  'unknown-related': [
    { at: 'plan/training.yaml:16:21', rule: 'unknown-related', severity: 'error', message: 'related activity "AN-9" does not exist (did you mean AN-1?)' },
  ],
  'unknown-unit': [{ at: 'plan/training.yaml:10:15', rule: 'unknown-unit', severity: 'error', message: 'north has no unit "TUR" (did you mean TRU?)' }],
  'unlisted-area-file': [
    {
      at: 'plan/research.yaml:1:1',
      rule: 'unlisted-area-file',
      severity: 'error',
      message: 'research.yaml is not listed under areas in plan.yaml (an area file is named <area-id>.yaml)',
    },
  ],
  'unused-unit': [{ at: 'plan/units.yaml:10:13', rule: 'unused-unit', severity: 'warning', message: 'north unit "FSC" carries no activity' }],
  'yaml-syntax': [
    { at: 'plan/analysis.yaml:13:5', rule: 'yaml-syntax', severity: 'error', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]' },
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

  it('reports a directory named like an area file', () => {
    const cwd = scenario();
    const planDir = join(cwd, 'plan');
    mkdirSync(join(planDir, 'folder.yaml'));
    const findings = loadPlan(planDir, { cwd, today }).findings;
    expect(findings).toContainEqual(expect.objectContaining({ file: 'plan/folder.yaml', line: 1, column: 1, rule: 'unlisted-area-file' }));
  });
});
