import { describe, expect, it } from 'vitest';
import { invalidScenarios, runPlan, scenario } from '../helpers.js';

describe('a refusal', () => {
  it('counts errors and warnings as plan validate does, in every broken case', async () => {
    let withWarnings = 0;
    for (const name of invalidScenarios()) {
      const cwd = scenario(name);
      const validate = await runPlan(['validate'], { cwd });
      const list = await runPlan(['list'], { cwd });
      const count = validate.stdout.trimEnd().split('\n').at(-1)!;
      if (!count.endsWith(' 0 warnings')) withWarnings++;
      if (validate.code === 0) continue;
      expect(list.code, name).toBe(1);
      expect(list.stderr, name).toContain(`\n${count}`);
    }
    // Cases whose warnings an errors-only count would have dropped.
    expect(withWarnings).toBeGreaterThan(2);
  });
});
