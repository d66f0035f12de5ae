import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { docxParts, find, paragraphs, parseXml, tables, textOf } from '../docxChecks.js';
import { bin, captureIo, root, runPlan, shippedPlan, tempDir } from '../helpers.js';
import { collapse, expectSignedText } from '../signedText.js';

const AS_OF = ['--as-of', '2026-11-28'];
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));


/** Runs plan with --out FILE.docx in a fresh folder; the file's bytes. */
async function written(argv: string[]): Promise<Uint8Array> {
  const dir = tempDir();
  folders.push(dir);
  const { code, stderr } = await runPlan([...argv, '--out', 'OUT.docx'], { cwd: dir, env: { PLAN_DIR: shippedPlan } });
  expect([code, stderr]).toEqual([0, '']);
  return readFileSync(join(dir, 'OUT.docx'));
}

const exported = written(['export', '--format', 'docx']);
const reported = written(['report', '--format', 'docx', ...AS_OF]);

describe('plan export --format docx', () => {
  it('holds every sentence of every activity and each phrase of the signed source', async () => {
    const document = parseXml(docxParts(await exported)['word/document.xml']!);
    const shown = collapse(paragraphs(document).map((paragraph) => paragraph.text).join(' '));
    expectSignedText(shown);
  });

  it('gives the title Heading 1, the introduction, areas and signatures Heading 2, each activity Heading 3', async () => {
    const document = parseXml(docxParts(await exported)['word/document.xml']!);
    const headings = paragraphs(document).filter((paragraph) => paragraph.style?.startsWith('Heading'));
    expect(headings.filter((heading) => heading.style === 'Heading1').map((heading) => heading.text)).toEqual(['Cooperation Plan between Frontex and EASO']);
    expect(headings.filter((heading) => heading.style === 'Heading2').map((heading) => heading.text)).toEqual([
      'Introduction',
      'Operational cooperation',
      'Information and analysis',
      'Capacity building',
      'Horizontal cooperation',
      'Signatures',
    ]);
    expect(headings.filter((heading) => heading.style === 'Heading3').map((heading) => heading.text.split(' ')[0])).toContain('IA-2');
    // Every other paragraph of the body is Body Text, which a template restyles.
    const styles = new Set(paragraphs(document).filter((paragraph) => paragraph.text !== '').map((paragraph) => paragraph.style));
    expect([...styles].sort()).toEqual(['BodyText', 'Heading1', 'Heading2', 'Heading3']);
  });

  it('lays each area out as the signed document does: each party’s units by name and code, then the activity with its actions in place', async () => {
    const document = parseXml(docxParts(await exported)['word/document.xml']!);
    const areas = tables(document).slice(0, 4);
    expect(areas.map((table) => table.rows[0])).toEqual(Array(4).fill(['Frontex', 'EASO', 'Activity']));
    const oc1 = areas[0]!.rows[1]!;
    expect(oc1[0]).toBe('Field Deployment Unit (FDU); Pooled Resource Unit (PRU); Training Unit (TRU); Security (SEC)');
    expect(oc1[1]).toBe('Operations Unit (OU); Training Unit (TU); Security Sector');
    expect(oc1[2]).toMatch(/^OC-1 Consistent approach .*i\.a\.:Develop a joint conceptual framework .*MMSTs;Address a number of areas .*Europol will be included/);
    // The actions are list paragraphs (w:numPr), inside the activity's cell.
    const cell = find(find(document, 'w:tbl')[0]!, 'w:tc')[5]!;
    const listed = find(cell, 'w:p').filter((paragraph) => find(paragraph, 'w:numPr').length > 0).map(textOf);
    expect(listed.map((text) => text.slice(0, 20))).toEqual(['Develop a joint conce', 'Address a number of '].map((text) => text.slice(0, 20)));
  });

  it('gives every table fixed explicit widths that fill the text width, and repeats its header row on each page', async () => {
    for (const bytes of [await exported, await reported]) {
      const all = tables(parseXml(docxParts(bytes)['word/document.xml']!));
      expect(all.length).toBeGreaterThan(4);
      for (const table of all) {
        expect(table.layout).toBe('fixed');
        expect(table.width?.['w:type']).toBe('dxa');
        expect(table.grid.every((width) => width > 0)).toBe(true);
        expect(Math.abs(table.grid.reduce((sum, width) => sum + width, 0) - Number(table.width?.['w:w']))).toBeLessThanOrEqual(table.grid.length);
        expect(table.headerRepeated).toBe(true);
        for (const row of table.cellWidths) expect(row.map((width) => Number(width?.['w:w']))).toEqual(table.grid);
      }
    }
  });

  it('ends with the signing sentence and a signature block naming each signatory in signed order', async () => {
    const document = parseXml(docxParts(await exported)['word/document.xml']!);
    const texts = paragraphs(document).map((paragraph) => paragraph.text);
    expect(texts).toContain('Signed in Helsinki, on 18 July 2019, in three copies in the English language, one for EASO, one for Frontex and one for European Commission.');
    const block = tables(document).at(-1)!;
    expect(block.rows).toEqual([
      ['For Frontex', 'For EASO'],
      ['Executive DirectorFabrice Leggeri', 'Executive DirectorNina Gregori'],
    ]);
  });

  it('fills the document properties, the language and page numbers', async () => {
    const parts = docxParts(await exported);
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Cooperation Plan between Frontex and EASO</dc:title>');
    expect(core).toContain('<dc:subject>Frontex and EASO</dc:subject>');
    expect(core).toContain('<cp:keywords>cooperation plan, Frontex, EASO</cp:keywords>');
    expect(core).toMatch(/<dcterms:created[^>]*>2019-07-18T00:00:00Z</);
    expect(core).toContain('<dc:language>en</dc:language>');
    expect(parts['word/styles.xml']).toMatch(/<w:lang w:val="en"/);
    expect(parts['word/footer1.xml']).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });

  it('gives the same bytes for the same plan, with fixed times inside the zip', async () => {
    const again = await written(['export', '--format', 'docx']);
    expect(Buffer.from(again).equals(Buffer.from(await exported))).toBe(true);
    // Every local file header's modification date is the signing day (DOS date: years from 1980, month, day).
    const bytes = Buffer.from(again);
    const dosDate = ((2019 - 1980) << 9) | (7 << 5) | 18;
    for (let at = bytes.indexOf('PK\u0003\u0004', 0, 'latin1'); at !== -1; at = bytes.indexOf('PK\u0003\u0004', at + 4, 'latin1')) {
      expect(bytes.readUInt16LE(at + 12)).toBe(dosDate);
    }
  });

  it('gives the same bytes from the built command, whose Word library is a bundle of its own', async () => {
    const result = spawnSync(process.execPath, [bin, 'export', '--format', 'docx'], { env: { PATH: process.env.PATH ?? '', PLAN_DIR: shippedPlan } });
    expect([result.status, result.stderr.toString()]).toEqual([0, '']);
    expect(result.stdout.equals(Buffer.from(await exported))).toBe(true);
  });

  it('writes the bytes to stdout when it is a pipe, and refuses a terminal', async () => {
    const chunks: Uint8Array[] = [];
    const piped = captureIo({ env: { PLAN_DIR: shippedPlan } });
    piped.stdout = { write: (data) => void chunks.push(typeof data === 'string' ? Buffer.from(data) : data) };
    expect(await main(['export', '--format', 'docx'], piped)).toBe(0);
    expect(Buffer.concat(chunks).equals(Buffer.from(await exported))).toBe(true);
    const terminal = captureIo({ env: { PLAN_DIR: shippedPlan }, isTTY: true });
    expect(await main(['export', '--format', 'docx'], terminal)).toBe(2);
    expect(terminal.err()).toBe('plan: --format docx: a Word document is binary and would garble the terminal; give --out FILE.docx or redirect stdout to a file\n');
    expect(terminal.out()).toBe('');
  });

  it('refuses a template that is missing or not a Word document, and --template without docx', async () => {
    const dir = tempDir();
    folders.push(dir);
    const run = (argv: string[]) => runPlan(argv, { cwd: dir, env: { PLAN_DIR: shippedPlan } });
    expect(await run(['export', '--format', 'docx', '--template', 'none.dotx', '--out', 'X.docx'])).toEqual({ code: 2, stdout: '', stderr: 'plan: --template none.dotx: does not exist\n' });
    expect(await run(['export', '--format', 'docx', '--template', join(root, 'package.json'), '--out', 'X.docx'])).toMatchObject({
      code: 2,
      stderr: `plan: --template ${join(root, 'package.json')}: not a Word document or template (.docx, .dotx): it is not a zip file\n`,
    });
    expect(await run(['export', '--template', 'any.dotx'])).toMatchObject({ code: 2, stderr: 'plan: --template goes with --format docx\n' });
    expect(await run(['report', '--format', 'docx', '--check', 'STATUS.md'])).toMatchObject({ code: 2, stderr: 'plan: --check compares a Markdown report; it does not go with --format docx\n' });
  });
});

describe('plan report --format docx', () => {
  it('has the Markdown report’s sections, in order, as headings', async () => {
    const document = parseXml(docxParts(await reported)['word/document.xml']!);
    const headings = paragraphs(document).filter((paragraph) => paragraph.style?.startsWith('Heading')).map((paragraph) => `${paragraph.style} ${paragraph.text}`);
    expect(headings.slice(0, 3)).toEqual(['Heading1 Cooperation Plan between Frontex and EASO: status report', 'Heading2 By area', 'Heading2 Activities']);
    expect(headings).toContain('Heading2 Workload by unit');
    expect(headings).toContain('Heading2 Attention');
    expect(headings).toContain('Heading3 No history entry for more than 180 days');
    const markdown = (await runPlan(['report', ...AS_OF], { env: { PLAN_DIR: shippedPlan } })).stdout;
    const markdownHeadings = [...markdown.matchAll(/^(#+) (.*)$/gm)].map(([, hashes, text]) => `Heading${hashes!.length} ${text!.replace(/\\(.)/g, '$1')}`);
    expect(headings).toEqual(markdownHeadings);
  });

  it('shows the charts as the tables of their figures, titled', async () => {
    const document = parseXml(docxParts(await reported)['word/document.xml']!);
    const texts = paragraphs(document).map((paragraph) => paragraph.text);
    expect(texts).toContain('Activities by status');
    expect(texts).toContain('Activities by area and status');
    const [totals, areas] = tables(document);
    expect(totals!.rows[0]).toEqual(['Status', 'Activities']);
    expect(totals!.rows.slice(1).map((row) => row[0])).toEqual(['planned', 'in-progress', 'ongoing', 'completed', 'on-hold', 'cancelled']);
    expect(areas!.rows[0]).toEqual(['Area', 'planned', 'in-progress', 'ongoing', 'completed', 'on-hold', 'cancelled', 'Total']);
    expect(areas!.rows.at(-1)![0]).toBe('Total');
  });

  it('is dated by its as-of day', async () => {
    expect(docxParts(await reported)['docProps/core.xml']).toMatch(/<dcterms:modified[^>]*>2026-11-28T00:00:00Z</);
  });
});
