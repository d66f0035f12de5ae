import type { Argument, Command, Option } from 'commander';
import { FILTERS } from '../domain/filters.js';
import { STATUSES } from '../model.js';

/** Values that only the plan knows. */
export type PlanValues = 'unit' | 'party' | 'area' | 'organisation' | 'activity' | 'plan';

/** A value a shell may offer, with a short description for the shells that show one. */
export interface Candidate {
  value: string;
  description?: string;
}

/**
 * What to offer for the word being completed. `prefix` is the part of that word that stays as
 * typed (`--unit=`, or `RAU,` in a comma-separated list); `partial` is the part being completed.
 */
export type CompletionRequest =
  | { kind: 'none' }
  | { kind: 'files' | 'dirs' }
  | { kind: 'list'; prefix: string; partial: string; candidates: Candidate[]; exclude?: string[] }
  | { kind: 'plan'; values: PlanValues; prefix: string; partial: string; exclude: string[]; planDir?: string };

// Filter options, by long name, and where their values come from: the plan, or the fixed statuses.
// Any command that declares one of these (now or later) completes it; every other option is
// completed from its declaration (its choices, or a file or folder for <file> and <dir>).
const OPTION_VALUES: Record<string, PlanValues | 'status'> = {
  ...Object.fromEntries(FILTERS.flatMap((filter) => (filter.completion === null ? [] : [[filter.flag, filter.completion]]))),
  '--plan': 'plan',
};

// Positional arguments whose values are activity ids or statuses, by argument name.
const ARGUMENT_VALUES: Record<string, PlanValues | 'status'> = { id: 'activity', status: 'status' };

/**
 * Reads a partial command line (the words after `plan`, the last one being completed, possibly
 * empty) against the commander program, so commands and flags added later complete unaided.
 */
export function completionRequest(program: Command, words: readonly string[]): CompletionRequest {
  const current = words.at(-1) ?? '';
  let command: Command | undefined;
  let positional = 0;
  let pending: Option | undefined;
  let operandsOnly = false;
  let planDir: string | undefined;
  const used = new Set<Option>();

  for (const word of words.slice(0, -1)) {
    if (pending) {
      if (pending.attributeName() === 'planDir') planDir = word;
      pending = undefined;
      continue;
    }
    if (!operandsOnly && word === '--') {
      operandsOnly = true;
      continue;
    }
    if (!operandsOnly && word.startsWith('-') && word !== '-') {
      const [flag, inline] = splitInline(word);
      const option = findOption(program, command, flag);
      if (!option) continue;
      used.add(option);
      if (takesValue(option)) {
        if (inline === undefined) pending = option;
        else if (option.attributeName() === 'planDir') planDir = inline;
      }
      continue;
    }
    if (!command) {
      command = program.commands.find((candidate) => candidate.name() === word || candidate.aliases().includes(word));
      if (!command) return { kind: 'none' };
      continue;
    }
    positional++;
  }

  if (pending) return optionValues(pending, '', current, planDir);
  if (!operandsOnly && current.startsWith('-')) {
    const [flag, inline] = splitInline(current);
    if (inline !== undefined) {
      const option = findOption(program, command, flag);
      return option && takesValue(option) ? optionValues(option, `${flag}=`, inline, planDir) : { kind: 'none' };
    }
    return { kind: 'list', prefix: '', partial: current, candidates: optionCandidates(program, command, used) };
  }
  if (!command) {
    const visible = program.createHelp().visibleCommands(program);
    return { kind: 'list', prefix: '', partial: current, candidates: visible.map((c) => ({ value: c.name(), description: c.description() })) };
  }
  const declared = command.registeredArguments;
  const argument = declared[positional] ?? (declared.at(-1)?.variadic ? declared.at(-1) : undefined);
  return argument ? argumentValues(argument, current, planDir) : { kind: 'none' };
}

function optionValues(option: Option, prefix: string, value: string, planDir: string | undefined): CompletionRequest {
  const values = option.long ? OPTION_VALUES[option.long] : undefined;
  if (values) return planRequest(values, prefix, value, planDir);
  if (option.argChoices) return { kind: 'list', prefix, partial: value, candidates: option.argChoices.map((choice) => ({ value: choice })) };
  return pathRequest(placeholder(option.flags));
}

function argumentValues(argument: Argument, value: string, planDir: string | undefined): CompletionRequest {
  const values = ARGUMENT_VALUES[argument.name()];
  if (values) return planRequest(values, '', value, planDir);
  if (argument.argChoices) return { kind: 'list', prefix: '', partial: value, candidates: argument.argChoices.map((choice) => ({ value: choice })) };
  return pathRequest(argument.name());
}

// Filter values may be comma-separated: complete the last one, keep the others as typed.
// Statuses are fixed, so completing one never reads the plan.
function planRequest(values: PlanValues | 'status', prefix: string, value: string, planDir: string | undefined): CompletionRequest {
  const comma = value.lastIndexOf(',');
  const word = { prefix: prefix + value.slice(0, comma + 1), partial: value.slice(comma + 1), exclude: comma < 0 ? [] : value.slice(0, comma).split(',') };
  if (values === 'status') return { kind: 'list', ...word, candidates: STATUSES.map((status) => ({ value: status })) };
  return { kind: 'plan', values, ...word, ...(planDir === undefined ? {} : { planDir }) };
}

// `<file>` and `<dir>` values are the shell's to complete; any other free value gets nothing.
function pathRequest(name: string | undefined): CompletionRequest {
  if (name === 'file') return { kind: 'files' };
  if (name === 'dir') return { kind: 'dirs' };
  return { kind: 'none' };
}

function optionCandidates(program: Command, command: Command | undefined, used: ReadonlySet<Option>): Candidate[] {
  const help = program.createHelp();
  const options = command
    ? [...help.visibleOptions(command), ...help.visibleOptions(program).filter((option) => option.long !== '--version' && option.long !== '--help')]
    : help.visibleOptions(program);
  return options
    .filter((option) => option.long !== undefined && !(used.has(option) && !Array.isArray(option.defaultValue)))
    .map((option) => ({ value: option.long!, description: option.description }));
}

function findOption(program: Command, command: Command | undefined, flag: string): Option | undefined {
  const matches = (option: Option) => option.long === flag || option.short === flag;
  return command?.options.find(matches) ?? program.options.find(matches);
}

function takesValue(option: Option): boolean {
  return option.required || option.optional;
}

function splitInline(word: string): [string, string | undefined] {
  const equals = word.indexOf('=');
  return word.startsWith('--') && equals > 0 ? [word.slice(0, equals), word.slice(equals + 1)] : [word, undefined];
}

// The value's name in an option's flags: `--plan-dir <dir>` gives "dir".
function placeholder(flags: string): string | undefined {
  return /[<[]([\w-]+)(?:\.\.\.)?[>\]]/.exec(flags)?.[1];
}
