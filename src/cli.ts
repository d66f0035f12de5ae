import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { FILTERS } from './domain/filters.js';
import { SORT_KEYS } from './domain/query.js';
import { ExitCode } from './errors.js';
import type { Io } from './io.js';
import { packageVersion } from './packageVersion.js';
import { DIFF_FORMATS, EXPORT_FORMATS, FINDINGS_FORMATS, LIST_FORMATS, REPORT_FORMATS, SHOW_FORMATS, type GlobalOptions } from './commands/options.js';

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
      exitCode = await implementation({ ...command.optsWithGlobals(), ...positionals(command) }, io);
    };

  program
    .description('Keep an inter-agency cooperation plan as YAML in git and make it answerable.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--plan-dir <dir>', 'the workspace folder (default: $PLAN_DIR, else the nearest folder with a workspace.yaml or plan/workspace.yaml)')
    .option('--plan <id>', 'answer for this plan (id or unambiguous start); repeat or comma-separate for several', collect)
    .option('--all-plans', 'answer for every plan, superseded ones too (default: the plans no other plan supersedes)')
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
    .addOption(choice(new Option('--format <format>', 'output format'), LIST_FORMATS).default('table'))
    .addOption(choice(new Option('--sort <key>', 'order (default: plan order, area by area)'), SORT_KEYS))
    .option('--at <rev>', 'the plan as this git revision holds it (a commit, tag or branch; read from git, nothing checked out)')
    .option('--latest-note', 'add a column with the latest history note and its date (table, csv, markdown; json and yaml carry the whole history)')
    .option('--as-of <date>', 'the plan as it stood at the end of this day, YYYY-MM-DD, rebuilt from the history (default: today)')
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
    .addOption(choice(new Option('--format <format>', 'output format'), SHOW_FORMATS).default('text'))
    .option('--at <rev>', 'the plan as this git revision holds it (a commit, tag or branch; read from git, nothing checked out)')
    .option('--as-of <date>', 'the plan as it stood at the end of this day, YYYY-MM-DD, rebuilt from the history (default: today)')
    .addHelpText(
      'after',
      `
Examples:
  plan show IA-2
  plan show ia-2 --format json   the object plan list --format json gives for it`,
    )
    .action(runs(async () => (await import('./commands/show.js')).show));

  program
    .command('plans')
    .description('the plans of the workspace: parties, signed, period, superseded by, activities by status')
    .addOption(choice(new Option('--format <format>', 'output format'), LIST_FORMATS).default('table'))
    .option('--at <rev>', 'the workspace as this git revision holds it (a commit, tag or branch; read from git, nothing checked out)')
    .addHelpText(
      'after',
      `
Examples:
  plan plans                       every plan, superseded ones too
  plan plans --format csv > plans.csv`,
    )
    .action(runs(async () => (await import('./commands/plans.js')).plans));

  program
    .command('units')
    .description("each party's units, with how many activities each carries, by status")
    .option('--party <id>', 'only this party; repeat or comma-separate for several', collect)
    .addOption(choice(new Option('--format <format>', 'output format'), LIST_FORMATS).default('table'))
    .option('--at <rev>', 'the plan as this git revision holds it (a commit, tag or branch; read from git, nothing checked out)')
    .option('--as-of <date>', 'the plan as it stood at the end of this day, YYYY-MM-DD, rebuilt from the history (default: today)')
    .addHelpText(
      'after',
      `
Examples:
  plan units
  plan units --party frontex --format csv > frontex-units.csv`,
    )
    .action(runs(async () => (await import('./commands/units.js')).units));

  filterOptions(program.command('report').description('a status summary: totals, charts, each area, each unit, what needs attention (Markdown, an HTML page or Word)'))
    .option('--as-of <date>', 'the day the report speaks for, YYYY-MM-DD: the plan as it stood then, rebuilt from the history (default: today)')
    .option('--at <rev>', 'the plan as this git revision holds it (a commit, tag or branch; read from git, nothing checked out)')
    .option('--stale-days <n>', 'an open activity whose last history entry is older than N days needs attention (default: 180)')
    .option('--since <date|rev>', 'also list what changed: the history entries after a day (YYYY-MM-DD), or every change since a git revision (as plan diff REV shows it)')
    .option('--out <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('--check <file>', 'exit 1 when FILE is not the report the plan gives now (its as-of date aside)')
    .option('--summary', 'only the totals, the chart and the area table (for a CI job summary)')
    .addOption(choice(new Option('--format <format>', 'markdown; html: one self-contained page with charts; docx: a Word document'), REPORT_FORMATS).default('markdown'))
    .option('--template <file>', 'with --format docx: a Word document or template whose styles and theme the report takes')
    .addHelpText(
      'after',
      `
The filters of plan list choose the activities the report covers.

Examples:
  plan report --out STATUS.md                  the whole plan, as of today
  plan report --unit RAU --as-of 2026-06-30    the Risk Analysis Unit's own summary
  plan report --since v1.0 --out STATUS.md     with what changed since the tag v1.0
  plan report --check STATUS.md                in CI: fails when STATUS.md no longer matches the plan
  plan report --format docx --out STATUS.docx  the report as a Word document
  plan report --format html --out status.html  the status page: one file, charts drawn, no script`,
    )
    .action(runs(async () => (await import('./commands/report.js')).report));

  program
    .command('export')
    .description('the plan as a document (Markdown or Word): introduction, areas, activities, signatures')
    .option('--out <file>', 'write the document to FILE (atomically) instead of stdout')
    .addOption(choice(new Option('--format <format>', 'output format'), EXPORT_FORMATS).default('markdown'))
    .option('--template <file>', 'with --format docx: a Word document or template whose styles and theme the document takes')
    .option('--at <rev>', 'the plan as this git revision holds it (a commit, tag or branch; read from git, nothing checked out)')
    .addHelpText(
      'after',
      `
A Word document goes to --out FILE, or to stdout when that is a file or a pipe (never a terminal).

Examples:
  plan export --out PLAN.md
  plan export --format docx --out PLAN.docx
  plan export --format docx --template agency.dotx --out PLAN.docx`,
    )
    .action(runs(async () => (await import('./commands/exportPlan.js')).exportPlan));

  program
    .command('validate')
    .description('check the plan: schema, cross-file rules, YAML syntax')
    .addOption(choice(new Option('--format <format>', 'output format'), FINDINGS_FORMATS).default('text'))
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
    .command('note')
    .description("record a dated progress note in an activity's history; the status stays")
    .argument('<id>', 'the activity, e.g. IA-2')
    .argument('<text>', 'the note')
    .option('--date <YYYY-MM-DD>', 'the day of the note (default: today)')
    .option('--dry-run', 'print the change as a unified diff and write nothing')
    .addHelpText(
      'after',
      `
Appends {date, status, note} with the current status; comments and layout stay as they are.
Runs on the same file take turns with each other and with set-status (PLAN_LOCK_TIMEOUT).
Exit codes: 0 done, 1 the plan is or would become invalid (or the file cannot be written), 2 a usage error.

Examples:
  plan note IA-2 "Second joint analysis delivered to the Management Board"
  plan note CB-3 "Course postponed to spring" --date 2026-11-20 --dry-run`,
    )
    .action(runs(async () => (await import('./commands/note.js')).note));

  program
    .command('diff')
    .description('what changed in the plan between two git revisions, or since one')
    .argument('[base]', 'the revision to compare from; A..B and A...B (from the merge base) name both (default: HEAD)')
    .argument('[head]', 'the revision to compare to (default: the working tree)')
    .addOption(choice(new Option('--format <format>', 'output format'), DIFF_FORMATS).default('text'))
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
    .description('create a new workspace that validates, or add a new plan to the workspace')
    .argument('[plan-id]', 'the new plan\'s id, its folder (default in a new workspace: cooperation-plan)')
    .option('--parties <orgs>', 'the signing organisations by id, comma-separated (default: those of --from, else party-a,party-b)', collect)
    .option('--from <plan-id>', 'the plan the new one follows and replaces: its parties and areas, and supersedes it')
    .addHelpText(
      'after',
      `
Where no workspace is (--plan-dir, else $PLAN_DIR, else plan/), creates one: workspace.yaml, a file
per party in organisations/, and the plan's folder with plan.yaml and one area. In a workspace, adds
the plan: its folder, a file for each party not known yet, and its id in workspace.yaml's plans.
It never overwrites a file.

Examples:
  plan init                                      plan/ with the plan cooperation-plan
  plan init frontex-euaa-2026 --parties frontex,euaa
  plan init frontex-euaa-2027 --from frontex-euaa-2026   a plan that follows another`,
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
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return ExitCode.ok;
    return ExitCode.usage;
  }
  return exitCode;
}

/** The filters of `plan list`, also offered by commands that report on a selection of activities. */
function filterOptions(command: Command): Command {
  for (const filter of FILTERS) command.option(`${filter.flag} <${filter.value}>`, filter.description, collect);
  return command;
}

// Choices as commander offers them in help and completion, accepted in any case (--format JSON), as every value of plan is.
function choice(option: Option, choices: readonly string[]): Option {
  return option.choices(choices).argParser((value) => {
    const wanted = value.toLowerCase();
    if (!choices.includes(wanted)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return wanted;
  });
}

// Without a default, so help shows none and an option not given stays undefined.
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

// Positional arguments arrive in declaration order; they are passed by name alongside the options.
function positionals(command: Command): Record<string, unknown> {
  const names = command.registeredArguments.map((argument) => argument.name());
  const key = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return Object.fromEntries(names.map((name, index) => [key(name), command.processedArgs[index]]));
}
