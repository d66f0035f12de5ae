import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hostileScenario, root, runPlan, shippedPlan, tempDir } from '../helpers.js';

/** Where the test leaves one rendered page of each document as PNG, for people to look at. */
export const RENDERED = join(root, 'test', 'rendered');

const has = (tool: string) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).error === undefined;
const ready = has('soffice') && has('pdftotext') && has('pdftoppm');
if (!ready) console.warn('documentPdf: skipped, LibreOffice (soffice) or poppler-utils (pdftotext, pdftoppm) is not installed');

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Both documents converted by one LibreOffice run, with a profile of its own so no user's settings or lock get in.
async function converted(): Promise<{ plan: string; status: string; hostile: string }> {
  const hostile = hostileScenario();
  for (const [argv, file, planDir] of [
    [['export', '--format', 'docx'], 'PLAN.docx', shippedPlan],
    [['report', '--format', 'docx', '--as-of', '2026-11-28'], 'STATUS.docx', shippedPlan],
    [['export', '--format', 'docx'], 'HOSTILE.docx', join(hostile, 'plan')],
  ] as const) {
    const { code, stderr } = await runPlan([...argv, '--out', file], { cwd: dir, env: { PLAN_DIR: planDir } });
    expect([code, stderr]).toEqual([0, '']);
  }
  rmSync(hostile, { recursive: true, force: true });
  const profile = pathToFileURL(join(dir, 'profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, 'PLAN.docx', 'STATUS.docx', 'HOSTILE.docx'], { cwd: dir, stdio: 'ignore', timeout: 240_000 });
  return { plan: join(dir, 'PLAN.pdf'), status: join(dir, 'STATUS.pdf'), hostile: join(dir, 'HOSTILE.pdf') };
}

const pages = (pdf: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
const text = (pdf: string, page?: number) => execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', pdf, '-'], { encoding: 'utf8' });
const words = (value: string) => value.replace(/\s+/g, ' ');

describe.skipIf(!ready)('the Word documents as LibreOffice prints them', () => {
  const pdfs = ready ? converted() : Promise.reject(new Error('not ready'));
  // Handled here, so a skipped suite leaves no unhandled rejection; each test awaits it and still sees a failure.
  pdfs.catch(() => undefined);

  it('prints the plan on a few pages with its text, the header row on every page and the signatories', async () => {
    const { plan } = await pdfs;
    const count = pages(plan);
    expect(count).toBeGreaterThanOrEqual(4);
    expect(count).toBeLessThanOrEqual(8);
    const all = words(text(plan));
    for (const phrase of ['Cooperation Plan between Frontex and EASO', 'Legal basis: Working Arrangement between Frontex and EASO', 'Joint dialogue with the Commission will continue as appropriate.', 'Signed in Helsinki, on 18 July 2019', 'Fabrice Leggeri', 'Nina Gregori', `Page 1 of ${count}`]) {
      expect(all).toContain(phrase);
    }
    // A page that a table runs onto starts with the table's header row.
    expect(words(text(plan, 2)).trim()).toMatch(/^Frontex EASO Activity/);
  });

  it('prints the status report with its sections and figures', async () => {
    const { status } = await pdfs;
    const count = pages(status);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(6);
    const all = words(text(status));
    for (const phrase of ['status report', 'As of 2026-11-28.', 'Activities by status', 'By area', 'Workload by unit', 'Attention', `Page ${count} of ${count}`]) expect(all).toContain(phrase);
  });

  it('opens a plan of hostile text and prints that text as text', async () => {
    const { hostile } = await pdfs;
    const all = words(text(hostile));
    expect(all).toContain('# Not a heading');
    expect(all).toContain('\\u{1b}');
  });

  it('keeps a rendered page of each document as PNG', async () => {
    const { plan, status } = await pdfs;
    mkdirSync(RENDERED, { recursive: true });
    for (const [pdf, page, name] of [
      [plan, 2, 'export-docx-page-2'],
      [status, 1, 'report-docx-page-1'],
    ] as const) {
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', pdf, join(dir, name)]);
      copyFileSync(join(dir, `${name}.png`), join(RENDERED, `${name}.png`));
      expect(readFileSync(join(RENDERED, `${name}.png`)).subarray(1, 4).toString()).toBe('PNG');
    }
  });
});
