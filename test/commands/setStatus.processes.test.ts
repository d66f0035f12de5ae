import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setStatus } from '../../src/domain/setStatus.js';
import { loadFixture } from '../helpers.js';
import { dayIn } from '../../src/domain/dayIn.js';
import { bin, MINIMAL_PLAN, scenario } from '../helpers.js';

const ACTIVITIES = 20;

/** The minimal plan with an analysis area of twenty activities in one file; returns the folder to run in. */
function busyPlan(): string {
  const cwd = scenario();
  const activities = Array.from({ length: ACTIVITIES }, (_, index) => {
    const n = index + 1;
    return [
      `  - id: AN-${n}`,
      `    title: Activity ${n}   # a comment that must survive`,
      '    status: planned',
      '    units:',
      '      north: [RAU]',
      '      south: [IAU]',
      `    text: Activity number ${n}.`,
      ...(n === 1 ? ['    related: [TR-1]'] : []),
      '    history:',
      '      - date: 2019-07-18',
      '        status: planned',
      '',
    ].join('\n');
  });
  writeFileSync(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'), `# yaml-language-server: $schema=../../schemas/area.schema.json\nid: analysis\ntitle: Analysis\nprefix: AN\nactivities:\n${activities.join('\n')}`);
  return cwd;
}

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
}

/** Runs the CLI; `killAfter` milliseconds after the start it is sent SIGKILL (if still running). */
function plan(cwd: string, args: string[], killAfter?: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // A loaded machine may keep a process waiting for the lock longer than the default ten seconds.
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH ?? '', PLAN_LOCK_TIMEOUT: '60' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, ms: Date.now() - started });
    });
  });
}

// The spawned runs take today from the real clock, in the workspace's time zone (the minimal workspace names none: UTC).
const today = dayIn(new Date(), 'UTC');

describe('plan set-status, several processes', () => {
  it(`loses no update when ${ACTIVITIES} processes change ${ACTIVITIES} activities of one file at once`, async () => {
    const cwd = busyPlan();
    const outcomes = await Promise.all(
      Array.from({ length: ACTIVITIES }, (_, index) => plan(cwd, ['set-status', `AN-${index + 1}`, 'in-progress', '--note', `run ${index + 1}`, '--date', '2024-03-01'])),
    );
    expect(outcomes.map((outcome) => outcome.stderr)).toEqual(outcomes.map(() => ''));
    expect(outcomes.map((outcome) => outcome.code)).toEqual(outcomes.map(() => 0));
    const { plan: loaded, findings } = loadFixture(join(cwd, 'plan'), { cwd, today });
    expect(findings).toEqual([]);
    const analysis = loaded!.activities.filter((activity) => activity.area === 'analysis');
    expect(analysis).toHaveLength(ACTIVITIES);
    analysis.forEach((activity, index) => {
      expect(activity.status).toBe('in-progress');
      expect(activity.history).toEqual([
        { date: '2019-07-18', status: 'planned' },
        { date: '2024-03-01', status: 'in-progress', note: `run ${index + 1}` },
      ]);
    });
    const text = readFileSync(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'), 'utf8');
    expect(text.match(/# a comment that must survive/g)).toHaveLength(ACTIVITIES);
    expect(readdirSync(join(cwd, 'plan')).sort()).toEqual(['north-south', 'organisations', 'workspace.yaml']);
    expect(readdirSync(join(cwd, 'plan', MINIMAL_PLAN)).sort()).toEqual(['analysis.yaml', 'plan.yaml', 'training.yaml']);
  }, 60_000);

  it('loses no entry when notes and status changes of the same activities run at once', async () => {
    const cwd = busyPlan();
    const half = ACTIVITIES / 2;
    const runs = Array.from({ length: half }, (_, index) => [
      plan(cwd, ['set-status', `AN-${index + 1}`, 'in-progress', '--date', '2024-03-01']),
      plan(cwd, ['note', `AN-${index + 1}`, `note ${index + 1}`, '--date', '2024-03-01']),
    ]).flat();
    const outcomes = await Promise.all(runs);
    expect(outcomes.map((outcome) => [outcome.code, outcome.stderr])).toEqual(outcomes.map(() => [0, '']));
    const { plan: loaded, findings } = loadFixture(join(cwd, 'plan'), { cwd, today });
    expect(findings).toEqual([]);
    for (const activity of loaded!.activities.slice(0, half)) {
      const n = activity.id.slice(3);
      expect(activity.status).toBe('in-progress');
      // Whichever ran first, both entries are there; the note carries the status it found.
      expect(activity.history).toHaveLength(3);
      expect(activity.history.filter((entry) => entry.note === `note ${n}`)).toHaveLength(1);
      expect(activity.history.filter((entry) => entry.status === 'in-progress' && entry.note === undefined)).toHaveLength(1);
    }
    expect(readFileSync(join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml'), 'utf8').match(/# a comment that must survive/g)).toHaveLength(ACTIVITIES);
  }, 60_000);

  it('leaves the old file or the new one, never a broken one, when killed at any moment', async () => {
    const cwd = busyPlan();
    const file = join(cwd, 'plan', MINIMAL_PLAN, 'analysis.yaml');
    const next = { planned: 'in-progress', 'in-progress': 'on-hold', 'on-hold': 'in-progress' } as const;
    // How long an uninterrupted run takes here, so the kills spread over a whole run.
    const calibration = await plan(cwd, ['set-status', 'AN-20', 'in-progress', '--date', '2024-03-01']);
    expect(calibration.code).toBe(0);
    const outcomes = { old: 0, new: 0 };
    for (let round = 0; round < 24; round++) {
      const id = `AN-${(round % 5) + 1}`;
      const before = readFileSync(file, 'utf8');
      const current = loadFixture(join(cwd, 'plan'), { cwd, today }).plan!.activities.find((activity) => activity.id === id)!.status as keyof typeof next;
      const change = { id, status: next[current], date: '2024-03-01', note: `round ${round}` };
      const edited = setStatus(before, change);
      if (edited.kind !== 'edited') throw new Error(`round ${round}: ${JSON.stringify(edited)}`);
      const killAfter = calibration.ms * (0.2 + Math.random() * 1.0);
      const outcome = await plan(cwd, ['set-status', id, change.status, '--note', change.note, '--date', change.date], killAfter);
      const after = readFileSync(file, 'utf8');
      expect([before, edited.text], `round ${round}, killed after ${Math.round(killAfter)} ms`).toContain(after);
      if (outcome.signal === null) expect(outcome).toMatchObject({ code: 0, stderr: '' });
      outcomes[after === before ? 'old' : 'new']++;
      expect(loadFixture(join(cwd, 'plan'), { cwd, today }).findings).toEqual([]);
    }
    expect(outcomes.old + outcomes.new).toBe(24);
    // A run after the kills clears what they left: a lock whose holder is gone, temporary files.
    expect(await plan(cwd, ['set-status', 'AN-19', 'completed', '--date', '2024-03-01'])).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(join(cwd, 'plan')).sort()).toEqual(['north-south', 'organisations', 'workspace.yaml']);
    expect(readdirSync(join(cwd, 'plan', MINIMAL_PLAN)).sort()).toEqual(['analysis.yaml', 'plan.yaml', 'training.yaml']);
  }, 60_000);
});
