import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileScenario, MINIMAL_PLAN, runPlan, scenario, shippedPlan, tempDir } from '../helpers.js';
import { lintMarkdown, renderedText, renderHtml, tableShapes } from '../markdownChecks.js';
import { expectSignedText } from '../signedText.js';

const SCRIPT_TITLE = '| <script>alert(1)</script> **x**';
const exported = async (cwd?: string) => (await runPlan(['export'], cwd ? { cwd } : {})).stdout;

/**
 * A copy of the minimal plan with a third party (an organisation of its own, with one unit), a
 * signing and a caveat; returns the folder to run in.
 */
function threeParties(): string {
  const dir = scenario();
  const plan = join(dir, 'plan', MINIMAL_PLAN);
  const planYaml = join(plan, 'plan.yaml');
  const text = readFileSync(planYaml, 'utf8');
  const edited = text
    .replace(
      '  - organisation: south\n',
      [
        '  - organisation: south',
        '  - organisation: west',
        '    signatory: { name: Ada West, role: Director }',
        'signing: { date: 2024-02-29, place: Lisbon, copies: [north, south, west, europol] }',
        '',
      ].join('\n'),
    )
    .replace('areas:', 'caveats: ["Subject to resources."]\nareas:');
  expect(edited).not.toBe(text);
  writeFileSync(planYaml, edited);
  writeFileSync(
    join(dir, 'plan', 'organisations', 'west.yaml'),
    'id: west\nname: Western Agency\nshort_name: West\nunits:\n  - { code: WU, name: West Unit, kind: unit }\n',
  );
  const training = join(plan, 'training.yaml');
  writeFileSync(training, readFileSync(training, 'utf8').replace('south: [TU]', 'south: [TU]\n      west: [WU]'));
  return dir;
}

describe('plan export', () => {
  it('renders the shipped plan as its document (snapshot)', async () => {
    const { code, stdout, stderr } = await runPlan(['export']);
    expect([code, stderr]).toEqual([0, '']);
    await expect(stdout).toMatchFileSnapshot('__snapshots__/export-shipped.md');
  });

  it('holds every sentence of every activity, and each phrase of the signed source, as a reader sees them', async () => {
    const shown = renderedText(await exported());
    expectSignedText(shown);
  });

  it('keeps the actions as a list after the paragraph that introduces them', async () => {
    const html = renderHtml(await exported());
    const oc1 = html.slice(html.indexOf('<h3>OC-1 '), html.indexOf('<h3>OC-2 '));
    expect(oc1.replace(/\s+/g, ' ')).toMatch(
      /<p>Both Agencies will aim .* i\.a\.:<\/p> <ul> <li>Develop a joint conceptual framework .*<\/li> <li>Address a number of areas .*<\/li> <\/ul> <p>Europol will be included/,
    );
    const ia3 = html.slice(html.indexOf('<h3>IA-3 '), html.indexOf('<h3>IA-4 '));
    expect(ia3.match(/<li>/g)).toHaveLength(3);
  });

  it('writes the introduction with the areas in order, the caveats and the signature block', async () => {
    const markdown = await exported();
    expect(markdown).toContain('Legal basis: Working Arrangement between Frontex and EASO, signed on 26\nSeptember 2012.');
    expect(markdown).toContain('work in the areas of:\n\n1. Operational cooperation;\n2. Information and analysis;\n3. Capacity building;\n4. Horizontal cooperation.\n\nThe activities match');
    expect(renderedText(markdown)).toContain('The respective implementing partners on both Sides may change');
    expect(markdown).toContain(
      '## Signatures\n\nSigned in Helsinki, on 18 July 2019, in three copies in the English language,\none for EASO, one for Frontex and one for European Commission.\n\n' +
        '| For Frontex | For EASO |\n| --- | --- |\n| Executive Director | Executive Director |\n| Fabrice Leggeri | Nina Gregori |\n',
    );
  });

  it('names the implementing units as the document does: by name and code, the assigned codes left out, before the activity', async () => {
    const markdown = await exported();
    expect(markdown).toContain('| Frontex | EASO | Activity |');
    expect(markdown).toContain(
      '| Pooled Resource Unit (PRU) | Operations Unit (OU); Finance and Procurement Unit (FPU); Procurement Sector | OC-4 Joint procurement and logistics for daily operations |',
    );
  });

  it('takes its columns and signatories from the parties of plan.yaml, however many', async () => {
    const markdown = await exported(threeParties());
    expect(markdown).toContain('| North | South | West | Activity |');
    expect(markdown).toContain('| Training Unit (TRU) | Training Unit (TU) | West Unit (WU) | TR-1 Joint training |');
    expect(markdown).toContain('| Risk Analysis Unit (RAU) | Information and Analysis Unit (IAU) | – | AN-2 Data exchange |');
    expect(markdown).toContain('Signed in Lisbon, on 29 February 2024, in four copies, one for North, one for\nSouth, one for West and one for Europol.');
    expect(markdown).toContain('| For North | For South | For West |\n| --- | --- | --- |\n| – | – | Director |\n| – | – | Ada West |');
    expect(markdown).toContain('Subject to resources.');
  });

  it('passes markdownlint with its default rules, and every table row has as many cells as its header', async () => {
    const documents = {
      'shipped.md': await exported(),
      'three.md': await exported(threeParties()),
      'minimal.md': await exported(scenario()),
      'controls.md': await exported(hostileScenario()),
    };
    expect(await lintMarkdown(documents)).toEqual([]);
    for (const markdown of Object.values(documents)) {
      const tables = tableShapes(markdown);
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) expect(table.rows, `table at line ${table.line}`).toEqual(table.rows.map(() => table.header));
    }
  });

  it('escapes a hostile title, text and actions everywhere', async () => {
    const dir = scenario();
    const file = join(dir, 'plan', MINIMAL_PLAN, 'analysis.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('title: Joint analysis', `title: ${JSON.stringify(SCRIPT_TITLE)}`)
        .replace(
          'text: The parties will analyse together.',
          `text: ${JSON.stringify('# Not a heading. <img src=x onerror=alert(1)> [link](http://example.com) &amp; 1. no list\n\n- not an item\n\tand a tab: done.')}\n    actions: ${JSON.stringify(['* not a bullet | nor a cell', '2) nor a number'])}`,
        ),
    );
    const markdown = await exported(dir);
    expect(markdown).not.toMatch(/(?<!\\)<(script|img)/);
    const html = renderHtml(markdown);
    expect(html).not.toMatch(/<script|<img|<a |<strong>x|<em>|<h1>Not|<ol>\s*<li>no list/);
    const shown = renderedText(markdown);
    expect(shown).toContain(`AN-1 ${SCRIPT_TITLE}`);
    expect(shown).toContain('# Not a heading. <img src=x onerror=alert(1)> [link](http://example.com) &amp; 1. no list');
    expect(shown).toContain('- not an item and a tab: done.');
    expect(shown).toContain('* not a bullet | nor a cell');
    expect(shown).toContain('2) nor a number');
    expect(await lintMarkdown({ 'hostile.md': markdown })).toEqual([]);
  });

  it('refuses to write over a file of the plan, with a usage error', async () => {
    const dir = scenario();
    const workspace = join(dir, 'plan');
    const files = (readdirSync(workspace, { recursive: true, encoding: 'utf8' }) as string[]).filter((name) => name.endsWith('.yaml')).sort();
    const before = files.map((name) => readFileSync(join(workspace, name), 'utf8'));
    // An organisation file, an area file and workspace.yaml: every file of the workspace, also by a roundabout path.
    for (const out of ['plan/organisations/north.yaml', './plan/../plan/organisations/north.yaml', `plan/${MINIMAL_PLAN}/analysis.yaml`, 'plan/workspace.yaml']) {
      expect(await runPlan(['export', '--out', out], { cwd: dir })).toEqual({
        code: 2,
        stdout: '',
        stderr: `plan: --out ${out}: is a file of the plan; write elsewhere\n`,
      });
    }
    expect((await runPlan(['report', '--out', `plan/${MINIMAL_PLAN}/plan.yaml`], { cwd: dir })).code).toBe(2);
    expect((await runPlan(['report', '--out', 'plan/organisations/europol.yaml'], { cwd: dir })).code).toBe(2);
    expect(files.map((name) => readFileSync(join(workspace, name), 'utf8'))).toEqual(before);
    expect((readdirSync(workspace, { recursive: true, encoding: 'utf8' }) as string[]).filter((name) => name.endsWith('.yaml')).sort()).toEqual(files);
    expect(files).toEqual([
      join(MINIMAL_PLAN, 'analysis.yaml'),
      join(MINIMAL_PLAN, 'plan.yaml'),
      join(MINIMAL_PLAN, 'training.yaml'),
      join('organisations', 'europol.yaml'),
      join('organisations', 'north.yaml'),
      join('organisations', 'south.yaml'),
      'workspace.yaml',
    ]);
  });

  it('gives the same bytes every time', async () => {
    expect(await exported()).toBe(await exported());
  });

  it('writes --out atomically, or fails with one line and no file', async () => {
    const dir = tempDir();
    const env = { PLAN_DIR: shippedPlan };
    expect(await runPlan(['export', '--out', 'PLAN.md'], { cwd: dir, env })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'PLAN.md'), 'utf8')).toBe(await exported());
    expect(readdirSync(dir)).toEqual(['PLAN.md']);
    const failed = await runPlan(['export', '--out', 'no/such/folder/PLAN.md'], { cwd: dir, env });
    expect(failed).toEqual({ code: 1, stdout: '', stderr: 'plan: cannot write no/such/folder/PLAN.md: its folder does not exist\n' });
    expect(readdirSync(dir)).toEqual(['PLAN.md']);
  });
});
