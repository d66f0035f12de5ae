import { chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { captureIo, scenario } from '../helpers.js';

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

// The file's own mode decides, as in git and editors; its folder would allow the rename, and the
// tests may run as root, whom permissions do not stop.
describe('a file that is itself read-only', () => {
  const commands: { name: string; argv: string[]; file: string }[] = [
    { name: 'set-status', argv: ['set-status', 'AN-1', 'completed', '--date', '2026-01-01'], file: 'plan/north-south/analysis.yaml' },
    { name: 'note', argv: ['note', 'AN-1', 'Kick-off held', '--date', '2026-01-01'], file: 'plan/north-south/analysis.yaml' },
    { name: 'init PLAN-ID', argv: ['init', 'north-south-2027'], file: 'plan/workspace.yaml' },
    { name: 'report --out', argv: ['report', '--as-of', '2026-01-01', '--out', 'STATUS.md'], file: 'STATUS.md' },
    { name: 'export --out', argv: ['export', '--out', 'PLAN.md'], file: 'PLAN.md' },
    { name: 'validate --output', argv: ['validate', '--format', 'json', '--output', 'findings.json'], file: 'findings.json' },
  ];
  for (const command of commands) {
    it(`${command.name}: is refused with exit 1 and one line, the file as it was`, async () => {
      const cwd = scenario();
      scratch.push(cwd);
      const path = join(cwd, command.file);
      if (!command.file.startsWith('plan/')) writeFileSync(path, 'the previous version\n');
      const before = readFileSync(path);
      chmodSync(path, 0o444);
      const io = captureIo({ cwd });
      const code = await main(command.argv, io);
      expect({ code, stdout: io.out(), stderr: io.err() }).toEqual({
        code: 1,
        stdout: '',
        stderr: `plan: cannot write ${command.file}: the file is read-only (make it writable, e.g. chmod u+w, to let plan change it)\n`,
      });
      expect(readFileSync(path)).toEqual(before);
      expect(statSync(path).mode & 0o777).toBe(0o444);
      // Nothing else was left behind: no temporary file, no half-made plan.
      expect(readdirSync(join(cwd, 'plan')).sort()).toEqual(['north-south', 'organisations', 'workspace.yaml']);
      expect(readdirSync(join(cwd, 'plan', 'north-south')).sort()).toEqual(['analysis.yaml', 'plan.yaml', 'training.yaml']);
      expect(readdirSync(join(cwd, 'plan', 'organisations')).sort()).toEqual(['europol.yaml', 'north.yaml', 'south.yaml']);
    });
  }
});
