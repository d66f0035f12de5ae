import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { captureIo } from './helpers.js';

// A writer that fails as a bug would: the one place that catches must turn it into exit 3.
function brokenStdout(env: Record<string, string> = {}) {
  return captureIo({
    env,
    stdout: {
      write: () => {
        throw new TypeError('cannot read properties of undefined\n(reading "x")');
      },
    },
  });
}

describe('main', () => {
  it('turns a bug into one line on stderr and exit 3', async () => {
    const io = brokenStdout();
    expect(await main(['list', '--unit', 'RAU', '--format', 'json'], io)).toBe(3);
    expect(io.err()).toBe('plan: internal error: cannot read properties of undefined (reading "x")\n');
  });

  it('adds the stack only with PLAN_DEBUG=1', async () => {
    const io = brokenStdout({ PLAN_DEBUG: '1' });
    expect(await main(['--version'], io)).toBe(3);
    const lines = io.err().trimEnd().split('\n');
    expect(lines[0]).toBe('plan: internal error: cannot read properties of undefined (reading "x")');
    expect(lines.slice(1).some((line) => /^\s+at /.test(line))).toBe(true);
  });

  it('reports a usage error as one line and exit 2', async () => {
    const io = captureIo();
    expect(await main(['show'], io)).toBe(2);
    expect(io.err().trimEnd().split('\n')[0]).toMatch(/^plan: missing required argument 'id'/);
  });
});
