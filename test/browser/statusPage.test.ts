import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusReport } from '../../src/domain/statusReport.js';
import { loadFixture } from '../helpers.js';
import { STATUSES, type Plan } from '../../src/model.js';
import { fixtures, root, runPlan, tempDir } from '../helpers.js';
import { launchChromium, NO_CHROMIUM } from './chromium.js';

/** Where the tests leave the page's screenshots and PDF, for people to look at. */
const SCREENSHOTS = join(root, 'artifacts', 'status-page');
const AS_OF = '2026-11-28';
const FIXTURE = join(fixtures, 'status-page', 'plan');
const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((path) => existsSync(path));

// Text that would run, load or open something if it reached the page as markup.
const ATTACKS = {
  title: '<script>window.owned = 1; alert("title")</script>',
  note: '<img src=x onerror="window.owned = 2; alert(\'note\')">',
  unit: '</style><script>alert("unit")</script><style>',
  area: 'javascript:alert("area")',
  entity: '&lt;script&gt;alert("entity")&lt;/script&gt; &#x3C;svg onload=alert(1)&#x3E;',
  svg: '<svg onload="alert(\'svg\')"><a href="https://example.invalid/">x</a></svg>',
};

describe.skipIf(NO_CHROMIUM !== undefined)(NO_CHROMIUM ?? 'the status page in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let page: string;
  let hostile: string;
  let plan: Plan;

  beforeAll(async () => {
    dir = tempDir();
    page = join(dir, 'status.html');
    hostile = join(dir, 'hostile.html');
    const made = await runPlan(['report', '--format', 'html', '--as-of', AS_OF, '--plan-dir', FIXTURE, '--out', page]);
    expect(made.stderr).toBe('');
    const hostilePlan = hostileCopy(dir);
    const madeHostile = await runPlan(['report', '--format', 'html', '--as-of', AS_OF, '--plan-dir', hostilePlan, '--out', hostile]);
    expect(madeHostile.stderr).toBe('');
    plan = loadFixture(FIXTURE, { cwd: root, today: AS_OF }).plan!;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string, options: BrowserContextOptions = {}): Promise<{ tab: Page; requests: string[]; dialogs: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, ...options });
    const requests: string[] = [];
    const dialogs: string[] = [];
    const url = pathToFileURL(file).href;
    context.on('request', (request) => void requests.push(request.url()));
    // Anything but the page itself is refused as well as recorded, so no test can reach a network.
    await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    const tab = await context.newPage();
    tab.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await tab.goto(url, { waitUntil: 'load' });
    return { tab, requests, dialogs, close: () => context.close() };
  }

  it.each(['light', 'dark'] as const)('has no accessibility violation in the %s theme (axe-core)', async (colorScheme) => {
    const { AxeBuilder } = await import('@axe-core/playwright');
    const { tab, close } = await open(page, { colorScheme });
    const result = await new AxeBuilder({ page: tab }).analyze();
    await close();
    expect(result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('makes no request but for the page itself', async () => {
    const { requests, close } = await open(page);
    await close();
    expect(requests).toEqual([pathToFileURL(page).href]);
  });

  it.each([false, true])('runs no script and opens no dialog for a plan full of hostile text (policy bypassed: %s)', async (bypassCSP) => {
    const { tab, requests, dialogs, close } = await open(hostile, { bypassCSP });
    const state = await tab.evaluate(() => ({
      owned: (window as unknown as { owned?: number }).owned,
      scripts: document.scripts.length,
      handlers: [...document.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on'))),
      outside: [...document.querySelectorAll('[href], [src]')].map((element) => element.getAttribute('href') ?? element.getAttribute('src')).filter((target) => !target!.startsWith('#')),
      text: document.body.innerText,
    }));
    await close();
    expect([state.owned, state.scripts, state.handlers, state.outside, dialogs, requests]).toEqual([undefined, 0, [], [], [], [pathToFileURL(hostile).href]]);
    // The text arrives as text.
    expect(state.text).toContain(ATTACKS.title);
    expect(state.text).toContain(ATTACKS.entity);
  });

  it('gives every chart a visible title that names it and a table with the report\u2019s numbers', async () => {
    const report = statusReport(plan, plan.activities, { asOf: AS_OF, staleDays: 180 });
    const { tab, close } = await open(page);
    const figures = await tab.$$eval('figure', (elements) =>
      elements.map((figure) => {
        const svg = figure.querySelector('svg[role="img"]');
        const name = document.getElementById(svg?.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';
        const rows = [...figure.querySelectorAll('details table tbody tr')].map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim()));
        const head = [...figure.querySelectorAll('details table thead th')].map((cell) => (cell.textContent ?? '').trim());
        const marks = [...(svg?.querySelectorAll('.mark > title') ?? [])].map((title) => title.textContent);
        return { name, caption: figure.querySelector('figcaption')?.textContent, head, rows, marks };
      }),
    );
    await close();
    expect(figures.length).toBe(2 + 1 + 3 + report.parties.length);
    for (const figure of figures) {
      expect(figure.name).not.toBe('');
      expect(figure.name).toBe(figure.caption);
      expect(figure.rows.length, figure.name).toBeGreaterThan(0);
    }
    const byName = (start: string) => figures.filter((figure) => figure.name.startsWith(start));
    const numbers = (counts: Record<string, number>) => STATUSES.map((status) => String(counts[status]));

    const [totals] = byName('Activities by status');
    expect(totals!.rows.slice(0, STATUSES.length).map((row) => [row[0], row[1]])).toEqual(STATUSES.map((status) => [status, String(report.byStatus[status])]));

    const [areas] = byName('Activities by area');
    expect(areas!.rows).toEqual([
      ...report.areas.map(({ area, activities, byStatus }) => [area.title, ...numbers(byStatus), String(activities.length)]),
      ['Total', ...numbers(report.byStatus), String(report.activities.length)],
    ]);
    // The bars say the same as the table: one part per non-zero count.
    expect(areas!.marks).toEqual(report.areas.flatMap(({ area, byStatus }) => STATUSES.filter((status) => byStatus[status] > 0).map((status) => `${area.title}: ${byStatus[status]} ${status}`)));

    const [flow] = byName('The plan over time');
    expect(flow!.rows.at(-1)).toEqual([AS_OF, ...numbers(report.byStatus), String(report.activities.length)]);
    expect(flow!.rows[0]![0]).toBe(plan.meta.signing!.date);

    for (const { party, units } of report.parties) {
      const [workload] = byName(`Workload by unit: ${party.short_name}`);
      expect(workload!.rows).toEqual(units.map(({ unit, byStatus, total }) => [unit.code, unit.name, ...numbers(byStatus), String(total)]));
    }

    // Each heat map cell counts the activities both units take part in.
    const sharing = byName('Who works with whom');
    expect(sharing.length).toBe(3);
    for (const [index, [rowParty, columnParty]] of [['north', 'south'], ['north', 'east'], ['south', 'east']].entries()) {
      for (const row of sharing[index]!.rows) {
        const code = row[0]!.split(' ')[0]!;
        const header = sharing[index]!.head.slice(1);
        row.slice(1).forEach((cell, column) => {
          const expected = plan.activities.filter((activity) => activity.units[rowParty!]?.includes(code) && activity.units[columnParty!]?.includes(header[column]!)).length;
          expect(cell, `${rowParty}:${code} × ${columnParty}:${header[column]}`).toBe(String(expected));
        });
      }
    }
  });

  it('draws every chart and shows every table with JavaScript off', async () => {
    const { tab, close } = await open(page, { javaScriptEnabled: false });
    const sizes = await Promise.all((await tab.$$('svg.chart')).map(async (svg) => (await svg.boundingBox())?.width ?? 0));
    const headings = await tab.locator('h3').allInnerTexts();
    await close();
    expect(sizes.length).toBe(2 + 1 + 3 + 3);
    expect(sizes.every((width) => width > 100)).toBe(true);
    expect(headings).toEqual(expect.arrayContaining(plan.areas.map((area) => `${area.title} (${area.prefix})`)));
  });

  it(`prints on A4 with every area, every activity and the tables behind the charts, and writes screenshots to artifacts/status-page`, async () => {
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      const { tab, close } = await open(page, { colorScheme });
      await tab.screenshot({ path: join(SCREENSHOTS, `${colorScheme}.png`), fullPage: true });
      await close();
    }
    const { tab, close } = await open(page, { colorScheme: 'dark' });
    await tab.emulateMedia({ media: 'print' });
    const hiddenTables = await tab.$$eval('details table', (tables) => tables.filter((table) => (table as HTMLElement).offsetHeight === 0).length);
    const clipped = await tab.$$eval('svg.chart', (svgs) => svgs.filter((svg) => svg.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length);
    await tab.screenshot({ path: join(SCREENSHOTS, 'print.png'), fullPage: true });
    const pdf = join(SCREENSHOTS, 'status.pdf');
    await tab.pdf({ path: pdf, format: 'A4', printBackground: true });
    await close();
    expect([hiddenTables, clipped]).toEqual([0, 0]);
    if (!PDFTOTEXT) return void console.warn('pdftotext not installed (apt-get install poppler-utils): the PDF text is not checked');
    const text = execFileSync(PDFTOTEXT, ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const area of plan.areas) expect(text).toContain(`${area.title} (${area.prefix})`);
    for (const activity of plan.activities) expect(text).toContain(activity.id);
    // The tables behind the charts, closed on screen, are printed: the totals' Share column is only there.
    expect(text).toMatch(/Status\s+Activities\s+Share/);
  });
});

// A copy of the fixture whose titles, notes, unit names and an area title carry the attacks; each
// text is found in whichever YAML file of the fixture holds it, so the fixture's layout may change.
function hostileCopy(dir: string): string {
  const copy = join(dir, 'plan');
  cpSync(FIXTURE, copy, { recursive: true });
  const files = (readdirSync(copy, { recursive: true }) as string[]).filter((file) => file.endsWith('.yaml')).map((file) => join(copy, file));
  const edit = (from: string, to: string) => {
    const path = files.find((file) => readFileSync(file, 'utf8').includes(from));
    if (path === undefined) throw new Error(`no file of the fixture holds ${from}`);
    writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
  };
  edit('title: Joint analysis', `title: ${JSON.stringify(ATTACKS.title)}`);
  edit('note: Final report delivered', `note: ${JSON.stringify(ATTACKS.note)}`);
  edit('title: Data exchange', `title: ${JSON.stringify(ATTACKS.entity)}`);
  edit('title: Shared dashboards', `title: ${JSON.stringify(ATTACKS.svg)}`);
  edit('name: Risk Analysis Unit', `name: ${JSON.stringify(ATTACKS.unit)}`);
  edit('title: Training\n', `title: ${JSON.stringify(ATTACKS.area)}\n`);
  edit('title: Three-party test plan', `title: ${JSON.stringify(ATTACKS.unit)}`);
  return copy;
}
