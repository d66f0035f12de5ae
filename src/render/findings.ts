import type { Finding } from '../model.js';
import { json } from './json.js';
import { sanitize } from '../text/sanitize.js';
import { plain, type Style } from './style.js';

/** One line per finding, then a count. */
export function findingsText(findings: readonly Finding[], style: Style): string {
  return `${[...findings.map((finding) => findingLine(finding, style)), countLine(findings)].join('\n')}\n`;
}

/** `file:line:column severity rule message`, the form editors and terminals turn into links. */
export function findingLine(finding: Finding, style: Style): string {
  const severity = finding.severity === 'error' ? style.red('error') : style.yellow('warning');
  return `${style.bold(`${sanitize(finding.file)}:${finding.line}:${finding.column}`)} ${severity} ${style.dim(finding.rule)} ${sanitize(finding.message)}`;
}

/** "2 errors, 1 warning". */
export function countLine(findings: readonly Finding[]): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** `{"valid", "errors", "warnings"}`, each finding with file, line, column, rule, message and path, in that order. */
export function findingsJson(findings: readonly Finding[]): string {
  const shape = ({ file, line, column, rule, message, path }: Finding) => ({ file, line, column, rule, message, path });
  const errors = findings.filter((finding) => finding.severity === 'error').map(shape);
  const warnings = findings.filter((finding) => finding.severity === 'warning').map(shape);
  return json({ valid: errors.length === 0, errors, warnings });
}

/** GitHub Actions workflow commands, so a pull request shows each finding on its line. */
export function findingsGithub(findings: readonly Finding[]): string {
  return findings
    .map((finding) => {
      const properties = [
        `file=${escapeProperty(sanitize(finding.file))}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `title=${escapeProperty(finding.rule)}`,
      ].join(',');
      return `::${finding.severity} ${properties}::${escapeData(sanitize(finding.message))}\n`;
    })
    .join('');
}

// Escaping as the runner's toolkit does for workflow command data and properties.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const SHOWN_ERRORS = 10;

/** Why a command will not work on an invalid workspace: its first errors, then how many in all and where to see them. */
export function refusal(what: string, findings: readonly Finding[]): string {
  const errors = findings.filter((finding) => finding.severity === 'error');
  const shown = errors.slice(0, SHOWN_ERRORS).map((finding) => `${findingLine(finding, plain)}\n`);
  const more = errors.length > SHOWN_ERRORS ? ` (${errors.length - SHOWN_ERRORS} more not shown)` : '';
  return `plan: ${what}:\n${shown.join('')}${countLine(findings)}${more}; run plan validate for the full list\n`;
}
