import { Argument, Command, CommanderError, Option } from 'commander';
import { SORT_KEYS } from './domain/query.js';
import { ExitCode } from './errors.js';
import type { Io } from './io.js';
import { STATUSES } from './model.js';
import { packageVersion } from './packageVersion.js';

/** Options every command accepts, before or after its name. */
export interface GlobalOptions {
  planDir?: string;
  color: boolean;
}

const LIST_FORMATS = ['table', 'json', 'yaml', 'csv', 'markdown'] as const;
const SHOW_FORMATS = ['text', 'json', 'yaml'] as const;

/** The formats of `plan list` and `plan units`. */
export type ListFormat = (typeof LIST_FORMATS)[number];
/** The formats of `plan show`. */
export type ShowFormat = (typeof SHOW_FORMATS)[number];

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
  plan list --unit RAU                             what the Risk Analysis Unit takes part in
  plan list --area IA --status planned --with Europol --format csv
  plan list --not-status completed,cancelled       everything still open
  plan show IA-2                                   everything about one activity
  plan units --party easo --format markdown        EASO's units and their activities, by status
  plan report --unit RAU --out RAU.md              the Risk Analysis Unit's status summary, in Markdown
  plan export --out PLAN.md                        the plan as a document
  plan validate --format github                    findings as GitHub annotations

Exit codes: 0 success, 1 the plan is invalid, 2 a usage error, 3 an internal error.`,
    );

  filterOptions(program.command('list').description('list activities, filtered'))
    .addOption(new Option('--format <format>', 'output format').choices(LIST_FORMATS).default('table'))
    .addOption(new Option('--sort <key>', 'order (default: plan order)').choices(SORT_KEYS))
    .addHelpText(
      'after',
      `
Different filters combine with AND; a filter repeated, or given comma-separated values, means OR.
Codes, ids and names are case-insensitive. An unknown value is an error naming the closest one.

Examples:
  plan list --unit RAU                                 the Risk Analysis Unit's activities
  plan list --unit frontex:SEC                         one party's unit SEC
  plan list --area IA --status planned --with Europol --format csv
  plan list --area info --not-status completed,cancelled
                                                       what is still open in information and analysis
  plan list --search '"social media" monitoring'       a phrase and a word, in id, title, text or actions
  plan list --party easo --status ongoing --sort id --format markdown > ongoing.md`,
    )
    .action(runs(async () => (await import('./commands/list.js')).list));

  program
    .command('show')
    .description('everything about one activity')
    .argument('<id>', 'the activity id, e.g. IA-2')
    .addOption(new Option('--format <format>', 'output format').choices(SHOW_FORMATS).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  plan show IA-2
  plan show ia-2 --format json   the object plan list --format json gives for it`,
    )
    .action(runs(async () => (await import('./commands/show.js')).show));

  program
    .command('units')
    .description("each party's units, with how many activities each carries, by status")
    .option('--party <id>', 'only this party; repeat or comma-separate for several', collect)
    .addOption(new Option('--format <format>', 'output format').choices(LIST_FORMATS).default('table'))
    .addHelpText(
      'after',
      `
Examples:
  plan units
  plan units --party frontex --format csv > frontex-units.csv`,
    )
    .action(runs(async () => (await import('./commands/units.js')).units));

  filterOptions(program.command('report').description('a Markdown status summary: totals, a chart, each area, each unit, what needs attention'))
    .option('--as-of <date>', 'the day the report speaks for, YYYY-MM-DD (default: today)')
    .option('--stale-days <n>', 'an open activity whose last history entry is older than N days needs attention (default: 180)')
    .option('--since <ref>', 'also list what changed in the plan since this git revision (as plan diff REF shows it)')
    .option('--out <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('--check <file>', 'exit 1 when FILE is not the report the plan gives now (its as-of date aside)')
    .option('--summary', 'only the totals, the chart and the area table (for a CI job summary)')
    .addHelpText(
      'after',
      `
The filters of plan list choose the activities the report covers.

Examples:
  plan report --out STATUS.md                  the whole plan, as of today
  plan report --unit RAU --as-of 2026-06-30    the Risk Analysis Unit's own summary
  plan report --since v1.0 --out STATUS.md     with what changed since the tag v1.0
  plan report --check STATUS.md                in CI: fails when STATUS.md no longer matches the plan`,
    )
    .action(runs(async () => (await import('./commands/report.js')).report));

  program
    .command('export')
    .description('the plan as a Markdown document: introduction, areas, activities, signatures')
    .option('--out <file>', 'write the document to FILE (atomically) instead of stdout')
    .addHelpText(
      'after',
      `
Examples:
  plan export --out PLAN.md`,
    )
    .action(runs(async () => (await import('./commands/exportPlan.js')).exportPlan));

  program
    .command('validate')
    .description('check the plan: schema, cross-file rules, YAML syntax')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github', 'sarif', 'junit']).default('text'))
    .option('--output <file>', 'write the --format output to FILE (replaced atomically); the text report goes to stdout')
    .option('--strict', 'treat warnings as errors')
    .addHelpText(
      'after',
      `
Examples:
  plan validate
  plan validate --format github                       annotations on a pull request's changed lines
  plan validate --format sarif --output plan.sarif    SARIF for code scanning, the text report on the terminal
  plan validate --format junit --output junit.xml     test results for a CI server`,
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

  program
    .command('init')
    .description('create a new, empty plan that validates, in DIR')
    .argument('[dir]', 'the plan folder (default: --plan-dir, else $PLAN_DIR, else plan); one holding YAML files is refused')
    .addHelpText(
      'after',
      `
Examples:
  plan init                  plan/plan.yaml, plan/units.yaml and one area file
  plan init plans/2026       a plan in another folder (then: plan validate --plan-dir plans/2026)`,
    )
    .action(runs(async () => (await import('./commands/init.js')).init));

  program
    .command('completion')
    .description('print a shell completion script (commands, flags, unit codes, area ids, statuses, activity ids)')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      `
Examples:
  source <(plan completion bash)   bash, this session; add the line to ~/.bashrc for every session
  source <(plan completion zsh)    zsh, once compinit has run
  plan completion fish | source    fish

The README's "Shell completion" says how to install it for every new shell.`,
    )
    .action(runs(async () => (await import('./commands/completion.js')).completion));

  for (const command of program.commands) {
    command.exitOverride().showHelpAfterError(`(run plan ${command.name()} --help for usage)`);
  }

  // The completion scripts call `plan __complete WORD...`; commander must not parse the words being
  // completed (a --help or --plan-dir among them would act), so the program is handed over as it stands.
  if (argv[0] === '__complete') return (await import('./commands/complete.js')).complete(program, argv.slice(1), io);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
    return ExitCode.usage;
  }
  return exitCode;
}

/** The filters of `plan list`, also offered by commands that report on a selection of activities. */
function filterOptions(command: Command): Command {
  return command
    .option('--unit <code>', 'a unit of any party (RAU) or of one party (frontex:SEC)', collect)
    .option('--party <id>', 'activities a party takes part in (frontex)', collect)
    .option('--area <area>', 'an area by id, prefix (IA) or unambiguous start of its id (info)', collect)
    .option('--status <status>', `a status: ${STATUSES.join(', ')}`, collect)
    .option('--not-status <status>', 'leave out a status (--not-status completed,cancelled: what is still open)', collect)
    .option('--with <org>', 'another organisation involved, by id, name or alias (Europol)', collect)
    .option('--search <text>', 'words that must all occur in the id, title, text or actions; "quote" a phrase', collect);
}

// Without a default, so help shows none and an option not given stays undefined.
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

// Positional arguments arrive in declaration order; they are passed by name alongside the options.
function positionals(command: Command): Record<string, unknown> {
  const names = command.registeredArguments.map((argument) => argument.name());
  return Object.fromEntries(names.map((name, index) => [name, command.processedArgs[index]]));
}
