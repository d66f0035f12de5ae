import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL_PLAN, runPlan, scenario } from '../helpers.js';
import { commitAll, initRepository } from '../git/repository.js';

// A right-to-left override reverses what a terminal shows; every JSON the tool prints writes it as an escape.
const OVERRIDE = '\u202e';

describe('every JSON output goes through the one JSON writer', () => {
  it('escapes an invisible control from the plan in plan diff --format json, as plan list does', async () => {
    const cwd = scenario();
    initRepository(cwd);
    commitAll(cwd, 'the plan');
    const file = join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Joint analysis', `title: "Joint ${OVERRIDE}analysis"`));
    for (const argv of [['diff', '--format', 'json'], ['list', '--format', 'json']]) {
      const { code, stdout } = await runPlan(argv, { cwd });
      expect(code, argv.join(' ')).toBe(0);
      expect(stdout, argv.join(' ')).not.toContain(OVERRIDE);
      expect(stdout, argv.join(' ')).toContain('Joint \\u202eanalysis');
      expect(JSON.stringify(JSON.parse(stdout))).toContain(`Joint ${OVERRIDE}analysis`);
    }
  });

  it('escapes it in validate --format sarif and json too', async () => {
    const cwd = scenario();
    const file = join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: planned', `status: "plan${OVERRIDE}ned"`));
    for (const format of ['sarif', 'json']) {
      const { code, stdout } = await runPlan(['validate', '--format', format], { cwd });
      expect(code, format).toBe(1);
      expect(stdout, format).not.toContain(OVERRIDE);
    }
  });
});
