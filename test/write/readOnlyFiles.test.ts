import { chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { captureIo, scenario } from '../helpers.js';
import { WRITING_COMMANDS } from './writingCommands.js';

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

// The file's own mode decides, as in git and editors; its folder would allow the rename, and the
// tests may run as root, whom permissions do not stop.
describe('a file that is itself read-only', () => {
  for (const command of WRITING_COMMANDS) {
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
