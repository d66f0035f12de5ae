import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, runPlan, shippedPlan, tempDir } from '../helpers.js';

const FIXTURE = join(fixtures, 'status-page', 'plan');
const HTML = ['report', '--format', 'html'];

/** A temporary copy of the status-page fixture; returns its plan folder. */
function fixtureCopy(): string {
  const plan = join(tempDir(), 'plan');
  cpSync(FIXTURE, plan, { recursive: true });
  return plan;
}

describe('plan report --format html', () => {
  it('gives the same bytes for the same plan and day, on stdout as with --out', async () => {
    const dir = tempDir();
    const out = join(dir, 'status.html');
    const first = await runPlan([...HTML, '--as-of', '2026-11-28', '--plan-dir', FIXTURE]);
    const second = await runPlan([...HTML, '--as-of', '2026-11-28', '--plan-dir', FIXTURE, '--out', out]);
    expect([first.code, first.stderr, second.code, second.stdout, second.stderr]).toEqual([0, '', 0, '', '']);
    expect(readFileSync(out, 'utf8')).toBe(first.stdout);
    expect(first.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(first.stdout).toContain('<p>Generated from the plan by plan report --format html; run it again rather than editing this file.</p>');
    rmSync(dir, { recursive: true, force: true });
  });

  it('with --check accepts the page it wrote, as of the page\u2019s own day, and names the first line that differs once the plan changes', async () => {
    const plan = fixtureCopy();
    const out = join(plan, '..', 'status.html');
    expect((await runPlan([...HTML, '--as-of', '2025-01-31', '--plan-dir', plan, '--out', out])).code).toBe(0);
    // Checked on another day, the page is still the one the plan gives as of its own day.
    const fresh = await runPlan([...HTML, '--plan-dir', plan, '--check', out]);
    expect([fresh.code, fresh.stdout, fresh.stderr]).toEqual([0, `${out} is up to date\n`, '']);

    const area = join(plan, 'north-south-east', 'support.yaml');
    writeFileSync(area, readFileSync(area, 'utf8').replace('title: Common legal templates', 'title: Common legal models'));
    const stale = await runPlan([...HTML, '--plan-dir', plan, '--check', out]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/is out of date: line \d+ differs from the report the plan gives now\n {2}expected: "<tr>.*SU-1/);
    expect(stale.stderr).toContain('plan report --format html --out');
    // A Markdown report is not the page.
    const markdown = await runPlan(['report', '--plan-dir', plan, '--check', out]);
    expect(markdown.code).toBe(1);
    rmSync(join(plan, '..'), { recursive: true, force: true });
  });

  it('covers the activities the filters select, as the Markdown report does', async () => {
    const { code, stdout } = await runPlan([...HTML, '--unit', 'TRU', '--as-of', '2026-11-28', '--plan-dir', FIXTURE]);
    expect(code).toBe(0);
    expect(stdout).toContain('<p>Activities matching --unit TRU: 2 of 6.</p>');
    expect(stdout).toContain('id="TR-1"');
    expect(stdout).not.toContain('id="AN-1"');
    expect(stdout).toContain('Generated from the plan by plan report --format html --unit TRU;');
  });

  it('keeps the shipped plan\u2019s page under 150 KB', async () => {
    const { code, stdout } = await runPlan([...HTML, '--as-of', '2026-11-28', '--plan-dir', shippedPlan]);
    expect(code).toBe(0);
    expect(Buffer.byteLength(stdout)).toBeLessThan(150 * 1024);
  });
});
