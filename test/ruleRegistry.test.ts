import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsSarif } from '../src/render/findingsSarif.js';
import { RULES, type RuleId } from '../src/ruleRegistry.js';
import type { Finding } from '../src/model.js';
import { invalidScenarios, loadFixture, root, scenario, TODAY } from './helpers.js';

const ids = Object.keys(RULES) as RuleId[];

/** The README's rule table as the registry gives it: one row per rule, in registry order. */
function ruleTableRows(): string[] {
  return ids.map((id) => `| \`${id}\` | ${RULES[id].severity} | ${RULES[id].description} | ${RULES[id].help} |`);
}

// Every finding the broken fixtures give, each case loaded as the CLI loads it.
const caseFindings: Finding[] = invalidScenarios().flatMap((name) => {
  const cwd = scenario(name);
  return loadFixture(join(cwd, 'plan'), { cwd, today: TODAY }).findings;
});

describe('the rule registry', () => {
  it('gives every rule a one-line description and a help text with an example of the fix', () => {
    for (const id of ids) {
      expect(RULES[id].description, id).toMatch(/^[A-Z`a-z].*\.$/);
      expect(RULES[id].description, id).not.toContain('\n');
      // An example: a value, a command, a file or an arrow from the wrong to the right.
      expect(RULES[id].help, id).toMatch(/:|→|plan [a-z-]+|\.yaml|\(/);
    }
  });

  it('is what SARIF tells a code-scanning service about each rule it reports', () => {
    const findings: Finding[] = ids.map((rule, index) => ({ file: 'plan/x.yaml', line: index + 1, column: 1, rule, message: 'm', path: '', severity: RULES[rule].severity }));
    const rules = JSON.parse(findingsSarif(findings, { version: '1.0.0', root: '/srv' })).runs[0].tool.driver.rules as Record<string, unknown>[];
    expect(rules.map((rule) => rule.id)).toEqual([...ids].sort());
    for (const rule of rules) {
      const info = RULES[rule.id as RuleId];
      expect(rule).toEqual({
        id: rule.id,
        shortDescription: { text: info.description },
        fullDescription: { text: `${info.description} ${info.help}` },
        help: { text: info.help },
        defaultConfiguration: { level: info.severity },
      });
    }
  });

  it('gives each finding of the broken fixtures its rule’s registered severity', () => {
    expect(caseFindings.length).toBeGreaterThan(40);
    expect(caseFindings.filter((finding) => finding.severity !== RULES[finding.rule].severity).map((finding) => `${finding.rule} ${finding.severity}`)).toEqual([]);
  });

  it('has a broken fixture for every rule, but those of unreadable bytes, tested where the bytes are made', () => {
    // A fixture file cannot hold these: test/load/readSource.test.ts and resourceBounds.test.ts write them.
    const madeInTests = new Set<RuleId>(['invalid-utf8', 'empty-file', 'unreadable-file', 'resource-limit']);
    const found = new Set(caseFindings.map((finding) => finding.rule));
    expect(ids.filter((id) => !madeInTests.has(id) && !found.has(id))).toEqual([]);
  });

  it('is the README’s rule table, row for row', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8').split('\n');
    const head = readme.indexOf('| Rule | Severity | What it finds | How to fix it |');
    expect(head, 'README: the rule table under plan validate').toBeGreaterThan(-1);
    const rows = readme.slice(head + 2, readme.findIndex((line, index) => index > head && !line.startsWith('|')));
    expect(rows, 'README: the rule table is out of date; these are the rows the registry gives').toEqual(ruleTableRows());
  });
});
