import { join } from 'node:path';
import { Argument, Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { complete } from '../../src/commands/complete.js';
import { captureIo, scenario, tempDir } from '../helpers.js';

// A program shaped like plan's, with commands this test invents: completion must follow whatever
// the program declares, so commands and flags added later complete without touching it.
function program(): Command {
  const collect = (value: string, previous: string[]) => [...previous, value];
  const root = new Command('plan').version('1.0.0', '-V, --version').option('--plan-dir <dir>', 'the plan folder').option('--no-color', 'no colour');
  root
    .command('list')
    .description('list activities')
    .option('--unit <code>', 'a unit', collect, [])
    .option('--status <status>', 'a status', collect, [])
    .option('--party <id>', 'a party')
    .option('--area <id>', 'an area')
    .option('--with <org>', 'an organisation')
    .option('--search <text>', 'words')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'));
  root.command('show').description('one activity').argument('<id>');
  root.command('set-status').description('change a status').argument('<id>').argument('<status>');
  root.command('report').description('a report').option('--out <file>', 'write to FILE');
  root.command('init').description('a new plan').argument('[dir]');
  root.command('completion').description('a script').addArgument(new Argument('<shell>').choices(['bash', 'zsh', 'fish']));
  root.command('secret', { hidden: true });
  return root;
}

async function completions(words: string[], cwd = scenario()): Promise<string[]> {
  const io = captureIo({ cwd });
  expect(await complete(program(), words, io)).toBe(0);
  expect(io.err()).toBe('');
  return io.out().split('\n').filter(Boolean);
}

const values = (lines: string[]) => lines.map((line) => line.split('\t')[0]);

describe('plan __complete', () => {
  it('offers the visible commands, with their descriptions, filtered by what is typed', async () => {
    expect(values(await completions(['']))).toEqual(['list', 'show', 'set-status', 'report', 'init', 'completion', 'help']);
    expect(await completions(['s'])).toEqual(['show\tone activity', 'set-status\tchange a status']);
    expect(await completions(['frobnicate', ''])).toEqual([]);
  });

  it('offers unit codes of every party, case-insensitively, described by name and party', async () => {
    expect(await completions(['list', '--unit', 'T'])).toEqual(['TRU\tTraining Unit (North)', 'TU\tTraining Unit (South)']);
    expect(values(await completions(['list', '--unit', 't']))).toEqual(['TRU', 'TU']);
    expect(values(await completions(['list', '--unit', 'north:']))).toEqual(['north:RAU', 'north:TRU']);
    expect(values(await completions(['list', '--unit=I']))).toEqual(['--unit=IAU']);
  });

  it('completes the last of comma-separated values, skipping those already listed', async () => {
    expect(values(await completions(['list', '--unit', 'RAU,T']))).toEqual(['RAU,TRU', 'RAU,TU']);
    expect(values(await completions(['list', '--unit', 'TRU,T']))).toEqual(['TRU,TU']);
    expect(values(await completions(['list', '--status', 'planned,o']))).toEqual(['planned,ongoing', 'planned,on-hold']);
  });

  it('offers parties, areas, organisations, statuses and activity ids from the plan', async () => {
    expect(await completions(['list', '--party', ''])).toEqual(['north\tNorthern Agency', 'south\tSouthern Agency']);
    expect(await completions(['list', '--area', ''])).toEqual(['analysis\tAN: Analysis', 'training\tTR: Training']);
    expect(await completions(['list', '--with', ''])).toEqual(['europol\tEuropol']);
    expect(await completions(['show', ''])).toEqual(['AN-1\tJoint analysis', 'AN-2\tData exchange', 'TR-1\tJoint training']);
    expect(values(await completions(['set-status', 'AN-1', 'c']))).toEqual(['completed', 'cancelled']);
    expect(await completions(['set-status', 'AN-1', 'planned', ''])).toEqual([]);
  });

  it('offers flags of the command and the global ones, a used flag only when it repeats', async () => {
    const flags = values(await completions(['list', '--format', 'json', '--']));
    expect(flags).toEqual(['--unit', '--status', '--party', '--area', '--with', '--search', '--help', '--plan-dir', '--no-color']);
    expect(values(await completions(['-']))).toEqual(['--version', '--plan-dir', '--no-color', '--help']);
    expect(values(await completions(['list', '--unit', 'RAU', '--u']))).toEqual(['--unit']);
  });

  it('offers declared choices, and leaves files and folders to the shell', async () => {
    expect(await completions(['list', '--format', ''])).toEqual(['table', 'json']);
    expect(await completions(['completion', 'z'])).toEqual(['zsh']);
    expect(await completions(['report', '--out', ''])).toEqual([':file']);
    expect(await completions(['init', ''])).toEqual([':dir']);
    expect(await completions(['--plan-dir', ''])).toEqual([':dir']);
    expect(await completions(['list', '--search', ''])).toEqual([]);
  });

  it('reads the plan that --plan-dir names, and words like --help do not act', async () => {
    const elsewhere = scenario();
    const words = ['--plan-dir', join(elsewhere, 'plan'), 'list', '--help', '--unit', 'IA'];
    expect(values(await completions(words, tempDir()))).toEqual(['IAU']);
    expect(values(await completions(['list', `--plan-dir=${join(elsewhere, 'plan')}`, '--unit', 'IA'], tempDir()))).toEqual(['IAU']);
  });

  it('offers nothing, silently, when the plan is invalid or missing', async () => {
    expect(await completions(['list', '--unit', ''], scenario('unknown-unit'))).toEqual([]);
    expect(await completions(['list', '--unit', ''], tempDir())).toEqual([]);
    expect(await completions(['list', '--plan-dir', '/no/such/folder', '--unit', ''])).toEqual([]);
    expect(values(await completions(['list', '--status', 'c'], tempDir()))).toEqual(['completed', 'cancelled']);
  });

  it('is wired into plan itself as a hidden entry', async () => {
    const io = captureIo({ cwd: scenario() });
    expect(await run(['__complete', 'validate', '--format', 's'], io)).toBe(0);
    expect(io.out()).toBe('sarif\n');
    const help = captureIo();
    await run(['--help'], help);
    expect(help.out()).not.toContain('__complete');
  });
});
