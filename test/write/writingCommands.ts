/** Each command that writes a file, with the file it writes (relative to the run folder, a copy of the minimal workspace). */
export const WRITING_COMMANDS: readonly { name: string; argv: string[]; file: string }[] = [
  { name: 'set-status', argv: ['set-status', 'AN-1', 'completed', '--date', '2026-01-01'], file: 'plan/north-south/analysis.yaml' },
  { name: 'note', argv: ['note', 'AN-1', 'Kick-off held', '--date', '2026-01-01'], file: 'plan/north-south/analysis.yaml' },
  { name: 'init PLAN-ID', argv: ['init', 'north-south-2027'], file: 'plan/workspace.yaml' },
  { name: 'report --out', argv: ['report', '--as-of', '2026-01-01', '--out', 'STATUS.md'], file: 'STATUS.md' },
  { name: 'export --out', argv: ['export', '--out', 'PLAN.md'], file: 'PLAN.md' },
  { name: 'validate --output', argv: ['validate', '--format', 'json', '--output', 'findings.json'], file: 'findings.json' },
];
