import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { ExitCode } from './errors.js';
import type { Io } from './io.js';

/** Options every command accepts, before or after its name. */
export interface GlobalOptions {
  planDir?: string;
  color: boolean;
}

type Run<O> = (options: O & GlobalOptions, io: Io) => Promise<ExitCode>;

/** Parses `argv` with commander and runs the command it names; commander's own exits become exit codes. */
export async function run(argv: string[], io: Io): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.ok;
  const program = new Command('plan');

  // Binds a command's action to a lazily imported implementation, so start-up loads only the one that runs.
  const runs =
    <O>(load: () => Promise<Run<O>>) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const implementation = await load();
      exitCode = await implementation({ ...command.optsWithGlobals(), ...positionals(command) } as O & GlobalOptions, io);
    };

  program
    .description('Keep an inter-agency cooperation plan as YAML in git and make it answerable.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--plan-dir <dir>', 'the plan folder (default: $PLAN_DIR, else the nearest plan/ with a plan.yaml)')
    .option('--no-color', 'never colour the output (NO_COLOR and FORCE_COLOR are honoured too)')
    .showHelpAfterError('(run plan --help for usage)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`plan: ${text.replace(/^error: /, '')}`),
    })
    .addHelpText(
      'after',
      `
Examples:
  plan list --unit RAU                 activities the Risk Analysis Unit carries out
  plan list --unit RAU --format json   the same, as JSON
  plan validate --format github        findings as GitHub annotations

Exit codes: 0 success, 1 the plan is invalid, 2 a usage error, 3 an internal error.`,
    );

  program
    .command('list')
    .description('list activities, filtered')
    .option('--unit <code>', 'a unit of any party (RAU) or of one (frontex:SEC); repeat or comma-separate for OR', collect, [])
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText(
      'after',
      `
Examples:
  plan list --unit RAU
  plan list --unit frontex:SEC --format json`,
    )
    .action(runs(async () => (await import('./commands/list.js')).list));

  program
    .command('validate')
    .description('check the plan: schema, cross-file rules, YAML syntax')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .option('--strict', 'treat warnings as errors')
    .addHelpText(
      'after',
      `
Examples:
  plan validate
  plan validate --format github   annotations on a pull request's changed lines`,
    )
    .action(runs(async () => (await import('./commands/validate.js')).validate));

  program
    .command('set-status')
    .description("set an activity's status and record the change in its history")
    .argument('<id>', 'the activity, e.g. IA-2')
    .argument('<status>', 'planned, in-progress, ongoing, completed, on-hold or cancelled')
    .option('--note <text>', 'why the status changes; kept in the history')
    .option('--date <YYYY-MM-DD>', 'the day it changed (default: today)')
    .option('--dry-run', 'print the change as a unified diff and write nothing')
    .option('--force', 'reopen a completed or cancelled activity')
    .addHelpText(
      'after',
      `
Only the status line and the new history lines change; comments and layout stay as they are.
Runs on the same file take turns (PLAN_LOCK_TIMEOUT: seconds to wait, default 10).
Exit codes: 0 done (or already in that status), 1 the plan is or would become invalid
(or the file cannot be written), 2 a usage error.

Examples:
  plan set-status IA-2 in-progress --note "Kick-off meeting held"
  plan set-status CB-3 completed --date 2026-11-20 --dry-run`,
    )
    .action(runs(async () => (await import('./commands/setStatus.js')).setStatus));

  program
    .command('diff')
    .description('what changed in the plan between two git revisions, or since one')
    .argument('[base]', 'the revision to compare from; A..B and A...B (from the merge base) name both (default: HEAD)')
    .argument('[head]', 'the revision to compare to (default: the working tree)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Reports activities added and removed, status changes (with the history note), unit changes,
other fields changed (which), and units or areas added or removed.

Examples:
  plan diff                                  uncommitted changes to the plan
  plan diff main                             from main to the working tree
  plan diff v1.0 v1.1 --format json
  plan diff origin/main...HEAD --format markdown >> "$GITHUB_STEP_SUMMARY"`,
    )
    .action(runs(async () => (await import('./commands/diff.js')).diff));

  for (const command of program.commands) {
    command.exitOverride().showHelpAfterError(`(run plan ${command.name()} --help for usage)`);
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
    return ExitCode.usage;
  }
  return exitCode;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

// Positional arguments arrive in declaration order; they are passed by name alongside the options.
function positionals(command: Command): Record<string, unknown> {
  const names = command.registeredArguments.map((argument) => argument.name());
  return Object.fromEntries(names.map((name, index) => [name, command.processedArgs[index]]));
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
