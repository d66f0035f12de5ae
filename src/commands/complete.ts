import type { Command } from 'commander';
import { completionRequest, type Candidate, type CompletionRequest } from '../completion/completionRequest.js';
import { ExitCode } from '../errors.js';
import type { Io } from '../io.js';

/**
 * `plan __complete WORD...`, called by the completion scripts on every Tab: one candidate a line
 * (`value`, or `value<TAB>description`), or the single line `:file` / `:dir` when the shell should
 * complete a path. Plan values come from the plan the command line names; a missing or invalid
 * plan gives no candidates and no message, as a Tab must never print errors.
 */
export async function complete(program: Command, words: readonly string[], io: Io): Promise<ExitCode> {
  const request = completionRequest(program, words.length ? words : ['']);
  const lines = request.kind === 'files' ? [':file'] : request.kind === 'dirs' ? [':dir'] : matching(request, await candidates(request, io));
  if (lines.length) io.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.ok;
}

async function candidates(request: CompletionRequest, io: Io): Promise<Candidate[]> {
  if (request.kind === 'list') return request.candidates;
  if (request.kind !== 'plan') return [];
  try {
    const [{ findWorkspace }, { loadWorkspace }, { planCandidates }, { scopeView, selectScope }] = await Promise.all([
      import('../load/findWorkspace.js'),
      import('../load/loadWorkspace.js'),
      import('../completion/planCandidates.js'),
      import('../domain/scope.js'),
    ]);
    const { root, here } = findWorkspace(io.cwd, io.env, request.planDir);
    const { workspace } = loadWorkspace(root, { cwd: io.cwd, now: io.now() });
    if (!workspace) return [];
    const plans = selectScope(workspace, { ...(here !== undefined && { here }) });
    return plans.length > 0 ? planCandidates(workspace, scopeView(plans), request.values, request.partial) : [];
  } catch {
    return [];
  }
}

// Case-insensitive prefix matches, minus values already listed earlier in the same word.
function matching(request: CompletionRequest, found: Candidate[]): string[] {
  if (request.kind !== 'list' && request.kind !== 'plan') return [];
  const partial = request.partial.toLowerCase();
  const listed = new Set((request.exclude ?? []).map((value) => value.toLowerCase()));
  return found
    .filter(({ value }) => value.toLowerCase().startsWith(partial) && !listed.has(value.toLowerCase()))
    .map(({ value, description }) => `${request.prefix}${value}${description ? `\t${description}` : ''}`);
}
