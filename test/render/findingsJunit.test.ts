import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import { findingsJunit } from '../../src/render/findingsJunit.js';

const files = ['plan/plan.yaml', 'plan/units.yaml', 'plan/analysis.yaml', 'plan/training.yaml'];
const findings: Finding[] = [
  { file: 'plan/training.yaml', line: 8, column: 13, rule: 'unknown-unit', message: 'north has no unit "RUA" (did you mean RAU?)', path: '/activities/0/units/north/0', severity: 'error' },
  { file: 'plan/training.yaml', line: 16, column: 21, rule: 'related-one-way', message: 'TR-1 lists AN-2 as related, but AN-2 does not list TR-1', path: '', severity: 'warning' },
  { file: 'plan/analysis.yaml', line: 3, column: 1, rule: 'schema', message: 'title <must> be "a" & \'b\'\u0000\ud800\u001b[31mred', path: '/title', severity: 'error' },
  { file: 'plan/research.yaml', line: 1, column: 1, rule: 'unlisted-area-file', message: 'research.yaml is not listed under areas in plan.yaml', path: '', severity: 'error' },
];

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

// Parses the report back as a CI server would: attributes and text, entities decoded.
function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false });
  const root = parser.parse(xml).testsuites;
  const suites = asArray(root.testsuite).map((suite: Record<string, unknown>) => ({ ...suite, testcase: asArray(suite.testcase as object) }));
  return { root, suites: suites as { name: string; tests: string; failures: string; testcase: Record<string, any>[] }[] };
}

describe('findingsJunit', () => {
  it('is well-formed XML: one suite per file, failures for errors, counts that add up', () => {
    const { root, suites } = parse(findingsJunit(findings, files));
    expect(suites.map((suite) => suite.name)).toEqual([...files, 'plan/research.yaml']);
    expect(root).toMatchObject({ name: 'plan validate', tests: '6', failures: '3', errors: '0' });
    expect(suites.map((suite) => [suite.tests, suite.failures])).toEqual([
      ['1', '0'],
      ['1', '0'],
      ['1', '1'],
      ['2', '1'],
      ['1', '1'],
    ]);
  });

  it('gives a clean file one passing test case and a warning a passing one with its message', () => {
    const { suites } = parse(findingsJunit(findings, files));
    expect(suites[0]!.testcase).toEqual([{ classname: 'plan/plan.yaml', name: 'valid' }]);
    const [error, warning] = suites[3]!.testcase;
    expect(error).toMatchObject({
      classname: 'plan/training.yaml',
      name: 'unknown-unit at 8:13',
      failure: { message: 'north has no unit "RUA" (did you mean RAU?)', type: 'unknown-unit', '#text': 'plan/training.yaml:8:13 error unknown-unit north has no unit "RUA" (did you mean RAU?)' },
    });
    expect(warning!.failure).toBeUndefined();
    expect(warning!['system-out']).toBe('plan/training.yaml:16:21 warning related-one-way TR-1 lists AN-2 as related, but AN-2 does not list TR-1');
  });

  it('escapes markup and drops what XML cannot carry', () => {
    const xml = findingsJunit(findings, files);
    expect(xml).not.toMatch(/[\u0000\u001b]/);
    const { suites } = parse(xml);
    const failure = suites[2]!.testcase[0]!.failure;
    expect(failure.message).toBe('title <must> be "a" & \'b\'\\u{0}\\u{d800}\\u{1b}[31mred');
  });

  it('passes as one test per file when there is nothing to report', () => {
    const { root, suites } = parse(findingsJunit([], files));
    expect(root).toMatchObject({ tests: '4', failures: '0' });
    expect(suites.every((suite) => suite.testcase.length === 1 && suite.testcase[0]!.name === 'valid')).toBe(true);
  });
});
