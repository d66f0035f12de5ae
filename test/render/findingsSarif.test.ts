import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import { findingsSarif } from '../../src/render/findingsSarif.js';
import { fixtures } from '../helpers.js';

// The OASIS SARIF 2.1.0 schema (errata 01), vendored: see test/fixtures/README.md.
const sarifSchema = JSON.parse(readFileSync(join(fixtures, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validSarif = ajv.compile(sarifSchema);

const findings: Finding[] = [
  { file: 'plan/capacity-building.yaml', line: 41, column: 9, rule: 'unknown-unit', message: 'frontex has no unit "RUA" (did you mean RAU?)', path: '/activities/3/units/frontex/0', severity: 'error' },
  { file: 'plan/training.yaml', line: 16, column: 21, rule: 'related-one-way', message: 'TR-1 lists AN-2 as related, but AN-2 does not list TR-1', path: '/activities/0/related/1', severity: 'warning' },
  { file: 'plan/capacity-building.yaml', line: 50, column: 9, rule: 'unknown-unit', message: 'easo has no unit "XYZ"', path: '/activities/4/units/easo/0', severity: 'error' },
  { file: 'my plan/100%#x.yaml', line: 1, column: 1, rule: 'yaml-syntax', message: 'bad \u001b[31mred\u001b[0m \u202e text', path: '', severity: 'error' },
];

function sarif(found: readonly Finding[]) {
  const text = findingsSarif(found, { version: '1.2.3', root: '/srv/plans' });
  const log = JSON.parse(text);
  return { text, log, run: log.runs[0] };
}

describe('findingsSarif', () => {
  it('is valid SARIF 2.1.0, with and without findings', () => {
    for (const found of [findings, []]) {
      const { log } = sarif(found);
      expect(validSarif(log), JSON.stringify(validSarif.errors, null, 2)).toBe(true);
      expect(log.version).toBe('2.1.0');
    }
    const { log } = sarif(findings);
    log.runs[0].results[0].level = 'fatal';
    expect(validSarif(log)).toBe(false);
  });

  it('names the tool and each rule once, results pointing at their rule', () => {
    const { run } = sarif(findings);
    expect(run.tool.driver).toMatchObject({ name: 'plan', version: '1.2.3', semanticVersion: '1.2.3' });
    const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ids).toEqual(['related-one-way', 'unknown-unit', 'yaml-syntax']);
    for (const result of run.results) expect(ids[result.ruleIndex]).toBe(result.ruleId);
  });

  it('gives each finding its level, message and position, relative to %SRCROOT%', () => {
    const { run } = sarif(findings);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///srv/plans/' } });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.results[0]).toEqual({
      ruleId: 'unknown-unit',
      ruleIndex: 1,
      level: 'error',
      message: { text: 'frontex has no unit "RUA" (did you mean RAU?)' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'plan/capacity-building.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 41, startColumn: 9 },
          },
        },
      ],
    });
    expect(run.results[1].level).toBe('warning');
    expect(run.results.map((result: { ruleId: string }) => result.ruleId)).toEqual(findings.map((finding) => finding.rule));
  });

  it('percent-encodes paths and neutralises control characters in messages', () => {
    const { run, text } = sarif(findings);
    expect(run.results[3].locations[0].physicalLocation.artifactLocation.uri).toBe('my%20plan/100%25%23x.yaml');
    expect(run.results[3].message.text).toBe('bad \\u{1b}[31mred\\u{1b}[0m \\u{202e} text');
    expect(text).not.toMatch(/\\u001b|\u001b|\u202e/);
  });
});
