import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sanitize } from '../src/text/sanitize.js';
import { MINIMAL_PLAN, scenario, tempDir } from './helpers.js';
import { commandsFor, expectWellBehaved, HOSTILE_STRINGS, runPlan, yamlString } from './hostile.js';

// Hostile text where the plan allows any text: titles, names, organisations, the activity's text.
function planWithText(text: string): string {
  const cwd = scenario();
  const edit = (name: string, change: (yaml: string) => string) => {
    const file = join(cwd, 'plan', name);
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  };
  const quoted = yamlString(text);
  edit(join(MINIMAL_PLAN, 'plan.yaml'), (yaml) => yaml.replace('title: Test cooperation plan', `title: ${quoted}`));
  edit(join('organisations', 'north.yaml'), (yaml) =>
    yaml
      .replace('name: Northern Agency', `name: ${quoted}`)
      .replace('short_name: North', `short_name: ${quoted}`)
      .replace('name: Risk Analysis Unit', `name: ${quoted}`),
  );
  edit(join('organisations', 'europol.yaml'), (yaml) => yaml.replace('short_name: Europol\n', `short_name: Europol\naliases: [${quoted}]\n`));
  edit(join(MINIMAL_PLAN, 'analysis.yaml'), (yaml) =>
    yaml
      .replace('title: Analysis', `title: ${quoted}`)
      .replace('title: Joint analysis', `title: ${quoted}`)
      .replace('text: The parties will analyse together.', `text: ${quoted}`)
      .replace('with: [Europol]', `with: [Europol, ${quoted}]`),
  );
  return cwd;
}

// Hostile text where the plan has rules, so that findings quote it: codes, ids, organisations, keys, file names.
function planWithFindings(text: string): string {
  const cwd = scenario();
  const file = join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml');
  const quoted = yamlString(text);
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .replace('north: [RAU]', `north: [RAU, ${quoted}]`)
      .replace('with: [Europol]', `with: [${quoted}]`)
      .replace('related: [TR-1]', `related: [TR-1, ${quoted}]`)
      .replace('status: ongoing', `status: ${quoted}\n    ${quoted}: 1\n    ${quoted}: 2`),
  );
  const name = text.replace(/[/\u0000]/g, '_').slice(0, 200);
  if (name !== '') writeFileSync(join(cwd, 'plan', MINIMAL_PLAN, `${name}.yaml`), 'id: x\n');
  return cwd;
}

describe('output hygiene, end to end', () => {
  it('keeps hostile text whole in JSON and neutralised in the table, through every command', async () => {
    for (const text of HOSTILE_STRINGS) {
      const cwd = planWithText(text);
      for (const argv of commandsFor('AN-1')) expectWellBehaved(await runPlan(argv, cwd));
      const validate = await runPlan(['validate'], cwd);
      expect(validate.code, `${JSON.stringify(text)}: ${validate.stdout}`).toBe(0);
      const list = JSON.parse((await runPlan(['list', '--format', 'json'], cwd)).stdout) as { title: string; text: string; with: string[] }[];
      expect(list[0]).toMatchObject({ title: text, text, with: ['Europol', text] });
      const table = (await runPlan(['list'], cwd)).stdout;
      expect(table).toContain(sanitize(text).slice(0, 40).trim());
      // The same text as the note of a change: the diff shows it escaped, as the file would hold it.
      const noted = await runPlan(['set-status', 'AN-1', 'completed', '--date', '2026-01-01', '--dry-run', '--note', text], cwd);
      expectWellBehaved(noted);
      expect(noted.code, `${JSON.stringify(text)}: ${noted.stderr}`).toBe(text.trim() === '' ? 2 : 0);
      // YAML holds the same data as JSON, exactly.
      for (const argv of [['list'], ['show', 'AN-1'], ['units']]) {
        const [json, yaml] = [await runPlan([...argv, '--format', 'json'], cwd), await runPlan([...argv, '--format', 'yaml'], cwd)];
        expect(parse(yaml.stdout), `${JSON.stringify(text)} ${argv.join(' ')}`).toEqual(JSON.parse(json.stdout));
      }
    }
  });

  it('neutralises hostile text quoted in findings, in every format and on stderr', async () => {
    for (const text of HOSTILE_STRINGS) {
      const cwd = planWithFindings(text);
      for (const argv of commandsFor('AN-1')) {
        const run = await runPlan(argv, cwd);
        expectWellBehaved(run);
        expect(run.code, `${JSON.stringify(text)} ${argv.join(' ')}`).toBe(1);
      }
      const github = (await runPlan(['validate', '--format', 'github'], cwd)).stdout;
      for (const line of github.split('\n').slice(0, -1)) expect(line).toMatch(/^::(error|warning) file=[^\n]*,line=\d+,col=\d+,title=[a-z-]+::/);
    }
  });

  it('shows a right-to-left override in a title as an escape, and the JSON keeps it', async () => {
    const cwd = planWithText('Budget \u202e1 EUR\u202c');
    const table = (await runPlan(['list'], cwd)).stdout;
    expect(table).toContain('AN-1  planned  Budget \\u{202e}1 EUR\\u{202c}');
    const json = (await runPlan(['list', '--format', 'json'], cwd)).stdout;
    expect(json).toContain('"title": "Budget \\u202e1 EUR\\u202c"');
  });

  it('shows an OSC 8 hyperlink in a finding with its target, and a wide title whole', async () => {
    const cwd = planWithFindings('\u001b]8;;https://example.invalid/\u0007RAU\u001b]8;;\u0007');
    const { stdout } = await runPlan(['validate'], cwd);
    const link = '\\u{1b}]8;;https://example.invalid/\\u{7}RAU\\u{1b}]8;;\\u{7}';
    // The key AN-2 gains (twice: the second is where the map holds it) is quoted as a name.
    expect(stdout).toContain(`plan/${MINIMAL_PLAN}/analysis.yaml:22:5 error schema unknown property "${link}"`);
    expect(stdout).toContain(`plan/${MINIMAL_PLAN}/${link.replace(/\//g, '_')}.yaml:1:1 error unlisted-area-file`);
    // The schema quotes a value with its own characters, shown in the one notation of every output: the unit code and the related id.
    const quotedValue = `"${link}" is not valid`;
    expect(stdout).toContain(`plan/${MINIMAL_PLAN}/analysis.yaml:10:20 error schema ${quotedValue}`);
    expect(stdout).toContain(`plan/${MINIMAL_PLAN}/analysis.yaml:14:21 error schema ${quotedValue}`);
    // Wide characters take two columns: measured as characters, the cells were cut short with an ellipsis.
    const [head, row] = (await runPlan(['list'], planWithText('日本語のタイトル 🎉'))).stdout.split('\n');
    expect(head).toBe('ID    Status   Title                日本語のタイトル 🎉  South');
    expect(row).toBe('AN-1  planned  日本語のタイトル 🎉  RAU                  IAU');
  });

  it('neutralises what a usage error quotes', async () => {
    const run = await runPlan(['list'], tempDir(), '\u001b[2Jmissing\u202e\nfolder');
    expectWellBehaved(run);
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: 'plan: --plan-dir \\u{1b}[2Jmissing\\u{202e} folder: no such directory\n' });
  });
});
