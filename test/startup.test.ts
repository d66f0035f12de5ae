import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/main.js';
import { captureIo, scenario } from './helpers.js';

// What a run loads is what it pays for at start-up: these modules must stay out of the runs that do not need them.
const loaded = vi.hoisted(() => new Set<string>());
vi.mock('chalk', async (importOriginal) => {
  loaded.add('chalk');
  return importOriginal();
});
vi.mock('string-width', async (importOriginal) => {
  loaded.add('string-width');
  return importOriginal();
});
vi.mock('../src/load/yamlLibrary.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/load/yamlLibrary.js')>();
  return {
    yamlLibrary: () => {
      loaded.add('yaml');
      return original.yamlLibrary();
    },
  };
});

describe('start-up', () => {
  it('lists as JSON and validates a clean plan without chalk, string-width (tables) or yaml 2', async () => {
    for (const argv of [['list', '--unit', 'RAU', '--format', 'json'], ['validate'], ['--version']]) {
      const io = captureIo();
      expect(await main(argv, io), io.err()).toBe(0);
    }
    expect([...loaded]).toEqual([]);
  });

  it('loads string-width for a table, and chalk only for colour', async () => {
    expect(await main(['list', '--unit', 'RAU'], captureIo())).toBe(0);
    expect([...loaded]).toEqual(['string-width']);
    expect(await main(['list', '--unit', 'RAU'], captureIo({ color: true, isTTY: true }))).toBe(0);
    expect([...loaded].sort()).toEqual(['chalk', 'string-width']);
  });

  it('loads yaml 2 once a file needs its positions', async () => {
    const io = captureIo({ cwd: scenario('unknown-unit') });
    expect(await main(['validate'], io)).toBe(1);
    expect(loaded.has('yaml')).toBe(true);
  });
});
