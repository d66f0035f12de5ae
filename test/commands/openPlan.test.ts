import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { list } from '../../src/commands/list.js';
import { captureIo, MINIMAL_PLAN, scenario } from '../helpers.js';

describe('a command on an invalid workspace', () => {
  it('prints the first ten errors, a count and a pointer to validate, and exits 1', async () => {
    const cwd = scenario();
    const file = join(cwd, 'plan', MINIMAL_PLAN, 'training.yaml');
    // Twelve unknown units: twelve errors.
    const codes = Array.from({ length: 12 }, (_, i) => `X${i}`).join(', ');
    writeFileSync(file, readFileSync(file, 'utf8').replace('north: [TRU]', `north: [TRU, ${codes}]`));
    const io = captureIo({ cwd });
    expect(await list({ unit: [], format: 'json', color: false }, io)).toBe(1);
    expect(io.out()).toBe('');
    const lines = io.err().trimEnd().split('\n');
    expect(lines[0]).toBe('plan: the workspace is invalid:');
    expect(lines.slice(1, 11)).toHaveLength(10);
    expect(lines[1]).toBe('plan/north-south/training.yaml:10:20 error unknown-unit north has no unit "X0"');
    expect(lines[11]).toBe('12 errors, 0 warnings (2 more not shown); run plan validate for the full list');
    expect(lines).toHaveLength(12);
  });
});
