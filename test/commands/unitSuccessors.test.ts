import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, runPlan, tempDir } from '../helpers.js';

// The workspace fixture, and the same after one edit of organisations/frontex.yaml: the Training
// Unit (TRU) ends on 2024-12-31 and the Training and Learning Unit (TLU) takes over its work.
function workspaces(): { before: string; after: string } {
  const before = tempDir();
  cpSync(join(fixtures, 'workspace', 'plan'), join(before, 'plan'), { recursive: true });
  const after = tempDir();
  cpSync(join(fixtures, 'workspace', 'plan'), join(after, 'plan'), { recursive: true });
  const file = join(after, 'plan', 'organisations', 'frontex.yaml');
  const text = readFileSync(file, 'utf8');
  const recorded = text.replace(
    '  - code: TRU\n    name: Training Unit\n    kind: unit\n',
    '  - code: TRU\n    name: Training Unit\n    kind: unit\n    until: 2024-12-31\n    replaced_by: [TLU]\n  - code: TLU\n    name: Training and Learning Unit\n    kind: unit\n    from: 2025-01-01\n',
  );
  expect(recorded, 'the fixture lists TRU as the edit expects').not.toBe(text);
  writeFileSync(file, recorded);
  return { before, after };
}

const ids = async (cwd: string, ...argv: string[]) => {
  const { code, stdout, stderr } = await runPlan(['list', '--all-plans', '--format', 'json', ...argv], { cwd });
  expect(code, stderr).toBe(0);
  return { ids: (JSON.parse(stdout) as { plan: string; id: string }[]).map((activity) => `${activity.plan}/${activity.id}`), stderr };
};

describe('a unit replaced by another, recorded once in its organisation file', () => {
  it('lets --unit NEW find the work of the unit it replaced, and --unit OLD still answer, saying what replaced it', async () => {
    const { before, after } = workspaces();
    const old = (await ids(before, '--unit', 'TRU')).ids;
    expect(old.length).toBeGreaterThan(3);
    expect(old).toContain('frontex-emsa-efca-2021/CG-2');
    expect((await ids(after, '--unit', 'TLU')).ids).toEqual(old);
    const stillOld = await ids(after, '--unit', 'TRU');
    expect(stillOld.ids).toEqual(old);
    expect(stillOld.stderr).toBe('note: frontex unit TRU ended on 2024-12-31; its work passed to TLU\n');
  });

  it('as of a day before the change, answers as it did before the change was recorded', async () => {
    const { before, after } = workspaces();
    for (const argv of [['--unit', 'TRU'], ['--unit', 'frontex:TRU'], ['--party', 'frontex'], ['--unit', 'TRU', '--status', 'planned']]) {
      const then = ['--as-of', '2024-06-30', ...argv];
      expect(await ids(after, ...then), argv.join(' ')).toEqual(await ids(before, ...then));
    }
    expect((await ids(after, '--as-of', '2024-06-30', '--unit', 'TLU')).ids).toEqual([]);
  });

  it('validates, the successor not warned about as a unit no activity names', async () => {
    const { after } = workspaces();
    const { code, stdout } = await runPlan(['validate'], { cwd: after });
    expect({ code, stdout }).toEqual({ code: 0, stdout: '0 errors, 0 warnings\n' });
  });
});
