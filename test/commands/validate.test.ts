import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate, type ValidateOptions } from '../../src/commands/validate.js';
import { UsageError } from '../../src/errors.js';
import { captureIo, scenario } from '../helpers.js';

function run(cwd: string, options: Partial<ValidateOptions>) {
  const io = captureIo({ cwd });
  return validate({ format: 'text', color: false, ...options }, io).then((code) => ({ code, out: io.out(), err: io.err() }));
}

describe('plan validate --format and --output', () => {
  it('writes SARIF to stdout when no --output is given', async () => {
    const { code, out } = await run(scenario('unknown-unit'), { format: 'sarif' });
    expect(code).toBe(1);
    const log = JSON.parse(out);
    expect(log.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toContain('unknown-unit');
    expect(log.runs[0].tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('with --output, writes the format to the file and the text report to stdout', async () => {
    const cwd = scenario('unknown-unit');
    const text = await run(cwd, {});
    const sarif = await run(cwd, { format: 'sarif', output: 'reports.sarif' });
    expect(sarif).toEqual({ code: 1, out: text.out, err: '' });
    const log = JSON.parse(readFileSync(join(cwd, 'reports.sarif'), 'utf8'));
    expect(log.runs[0].results).toHaveLength(text.out.trim().split('\n').length - 1);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('plan/north-south/training.yaml');
  });

  it('writes JUnit for a valid plan, exit 0, the count on stdout', async () => {
    const cwd = scenario();
    const { code, out } = await run(cwd, { format: 'junit', output: 'junit.xml' });
    expect(code).toBe(0);
    expect(out).toBe('0 errors, 0 warnings\n');
    const xml = readFileSync(join(cwd, 'junit.xml'), 'utf8');
    expect(xml).toContain('<testsuites name="plan validate" tests="7" failures="0" errors="0">');
    // One suite per file of the workspace, each with its one passing case.
    expect([...xml.matchAll(/<testsuite name="([^"]+)" tests="1" failures="0"/g)].map((match) => match[1])).toEqual([
      'plan/workspace.yaml',
      'plan/organisations/europol.yaml',
      'plan/organisations/north.yaml',
      'plan/organisations/south.yaml',
      'plan/north-south/plan.yaml',
      'plan/north-south/analysis.yaml',
      'plan/north-south/training.yaml',
    ]);
  });

  it('with --format text and --output, the file holds the same uncoloured report', async () => {
    const cwd = scenario('related-one-way');
    const io = captureIo({ cwd, color: true });
    const code = await validate({ format: 'text', output: 'report.txt', color: true, strict: true }, io);
    expect(code).toBe(1);
    expect(io.out()).toContain('\u001b[');
    expect(readFileSync(join(cwd, 'report.txt'), 'utf8')).toBe('plan/north-south/training.yaml:16:21 error related-one-way TR-1 lists AN-2 as related, but AN-2 does not list TR-1\n1 error, 0 warnings\n');
  });

  it('fails with exit 1, one line and nothing on stdout when --output cannot be written', async () => {
    const cwd = scenario();
    const io = captureIo({ cwd });
    expect(await validate({ format: 'sarif', output: 'missing/out.sarif', color: false }, io)).toBe(1);
    expect(await validate({ format: 'junit', output: 'plan', color: false }, io)).toBe(1);
    expect(io.err()).toBe('plan: cannot write missing/out.sarif: its folder does not exist\nplan: cannot write plan: it is a directory\n');
    expect(io.out()).toBe('');
    expect(existsSync(join(cwd, 'missing'))).toBe(false);
  });

  it('never writes the report over a file of the workspace', async () => {
    const cwd = scenario();
    for (const file of ['plan/north-south/training.yaml', 'plan/organisations/north.yaml', 'plan/workspace.yaml']) {
      const before = readFileSync(join(cwd, file), 'utf8');
      await expect(validate({ format: 'sarif', output: file, color: false }, captureIo({ cwd }))).rejects.toThrow(
        new UsageError(`--output ${file}: is a file of the plan; write elsewhere`),
      );
      await expect(validate({ format: 'sarif', output: `./plan/../${file}`, color: false }, captureIo({ cwd }))).rejects.toThrow(UsageError);
      expect(readFileSync(join(cwd, file), 'utf8')).toBe(before);
    }
  });
});
