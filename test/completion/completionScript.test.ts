import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completionScript } from '../../src/completion/completionScript.js';
import { loadFixture } from '../helpers.js';
import { bin, shippedPlan, shippedRoot, tempDir, TODAY } from '../helpers.js';

// A `plan` on PATH that runs this checkout's build, as an installed plan would.
function planOnPath(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'plan'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
  chmodSync(join(dir, 'plan'), 0o755);
  return `${dir}:${process.env.PATH ?? '/usr/bin:/bin'}`;
}

function has(shell: string): boolean {
  return spawnSync(shell, ['-c', 'exit 0']).status === 0;
}

// Presses Tab in bash: loads the script, finds the function `complete -p` registered for plan,
// fills COMP_LINE/COMP_POINT/COMP_WORDS/COMP_CWORD as readline would, prints COMPREPLY.
function bashTab(line: string, words: string[]): string[] {
  const script = join(tempDir(), 'plan.bash');
  writeFileSync(script, completionScript('bash'));
  const program = `
    source "$1"; shift
    spec=$(complete -p plan) || exit 9
    function=\${spec#*-F }; function=\${function%% *}
    COMP_LINE=$1; COMP_POINT=\${#COMP_LINE}; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
    "$function" plan "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
    printf '%s\\n' "\${COMPREPLY[@]}"`;
  const out = execFileSync('bash', ['-c', program, 'bash', script, line, ...words], { cwd: shippedRoot, env: { PATH: planOnPath() }, encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

describe('plan completion bash', () => {
  it('offers the R units for plan list --unit R<Tab>', () => {
    const { plan } = loadFixture(shippedPlan, { cwd: shippedRoot, today: TODAY });
    const rUnits = [...new Set([...plan!.units.values()].flat().map((unit) => unit.code))].filter((code) => code.startsWith('R'));
    expect(rUnits.length).toBeGreaterThan(1);
    expect(bashTab('plan list --unit R', ['plan', 'list', '--unit', 'R'])).toEqual(rUnits);
  });

  it('completes commands, flags, and values after = and : as readline splits them', () => {
    expect(bashTab('plan val', ['plan', 'val'])).toEqual(['validate']);
    expect(bashTab('plan validate --for', ['plan', 'validate', '--for'])).toEqual(['--format']);
    expect(bashTab('plan validate --format=s', ['plan', 'validate', '--format', '=', 's'])).toEqual(['sarif']);
    expect(bashTab('plan list --unit frontex:S', ['plan', 'list', '--unit', 'frontex', ':', 'S'])).toEqual(['SEC']);
    expect(bashTab('plan list --unit RAU,V', ['plan', 'list', '--unit', 'RAU,V'])).toEqual(['RAU,VAU']);
  });

  it('leaves a file name to bash and offers nothing for an unknown command', () => {
    expect(bashTab('plan validate --output READ', ['plan', 'validate', '--output', 'READ'])).toEqual(['README.md']);
    expect(bashTab('plan frobnicate ', ['plan', 'frobnicate', ''])).toEqual([]);
  });
});

describe.skipIf(!has('fish'))('plan completion fish', () => {
  it('offers the R units with their names', () => {
    const out = execFileSync('fish', ['--no-config', '-c', 'plan completion fish | source; complete -C "plan list --unit R"'], {
      cwd: shippedRoot,
      env: { PATH: planOnPath(), HOME: tempDir() },
      encoding: 'utf8',
    });
    expect(out.split('\n').filter(Boolean)).toEqual(['RAU\tRisk Analysis Unit (Frontex)', 'RIU\tResearch and Innovation Unit (Frontex)']);
  });
});

describe.skipIf(!has('zsh'))('plan completion zsh', () => {
  it('is a script zsh parses, defining _plan', () => {
    const script = join(tempDir(), '_plan');
    writeFileSync(script, completionScript('zsh'));
    expect(execFileSync('zsh', ['-f', '-c', 'compdef() { print -r -- "compdef $*"; }; source "$1"; whence -w _plan', 'zsh', script], { encoding: 'utf8' })).toBe(
      'compdef _plan plan\n_plan: function\n',
    );
  });
});
