import type { FindingsFormat, GlobalOptions } from './options.js';
import { ExitCode } from '../errors.js';
import type { Io } from '../io.js';
import { findWorkspace } from '../load/findWorkspace.js';
import { loadWorkspace } from '../load/loadWorkspace.js';
import type { Finding } from '../model.js';
import { findingsGithub, findingsJson, findingsText } from '../render/findings.js';
import { plain, styleFor, type Style } from '../render/style.js';
import { writeFileOutput } from './writeOutput.js';

export interface ValidateOptions extends GlobalOptions {
  format: FindingsFormat;
  /** Write the --format output to this file; the text report then goes to stdout. */
  output?: string;
  strict?: boolean;
}

interface RenderInput {
  findings: Finding[];
  files: string[];
  style: Style;
  cwd: string;
}

// One renderer per format; the machine formats load only when asked for.
const renderers: Record<FindingsFormat, (input: RenderInput) => Promise<string>> = {
  text: async ({ findings, style }) => findingsText(findings, style),
  json: async ({ findings }) => findingsJson(findings),
  github: async ({ findings }) => findingsGithub(findings),
  sarif: async ({ findings, cwd }) => {
    const [{ findingsSarif }, { packageVersion }] = await Promise.all([import('../render/findingsSarif.js'), import('../packageVersion.js')]);
    return findingsSarif(findings, { version: packageVersion(), root: cwd });
  },
  junit: async ({ findings, files }) => (await import('../render/findingsJunit.js')).findingsJunit(findings, files),
};

/**
 * `plan validate`: every finding in the workspace (every plan, every organisation file), exit 1 when any is an error (or, with --strict, a warning).
 * With --output FILE the --format output goes to FILE (atomically) and the text report to stdout.
 */
export async function validate(options: ValidateOptions, io: Io): Promise<ExitCode> {
  const { root } = findWorkspace(io.cwd, io.env, options.planDir);
  const { findings: found, files } = loadWorkspace(root, { cwd: io.cwd, now: io.now(), findingsOnly: true });
  const findings: Finding[] = options.strict ? found.map((finding) => ({ ...finding, severity: 'error' })) : found;
  // Colour (and chalk) only where the text report reaches stdout.
  const terminalStyle = options.output !== undefined || options.format === 'text' ? await styleFor(options.color && io.color) : plain;
  if (options.output !== undefined) {
    const report = await renderers[options.format]({ findings, files, style: plain, cwd: io.cwd });
    const written = await writeFileOutput(report, { flag: '--output', path: options.output, planFiles: files }, io);
    if (written !== ExitCode.ok) return written;
    io.stdout.write(findingsText(findings, terminalStyle));
  } else {
    io.stdout.write(await renderers[options.format]({ findings, files, style: terminalStyle, cwd: io.cwd }));
  }
  return findings.some((finding) => finding.severity === 'error') ? ExitCode.invalid : ExitCode.ok;
}
