// `npm run bench`: whole-process times of plan beside `node -e 0` and ajv-cli, every row of a group
// run in turn, `runs` times, so machine noise hits every command alike; prints medians and ratios.
// Wall time is what the goals are stated in; CPU time (user + system, from a preloaded module that
// node -e 0 carries too) is printed beside it because it barely moves when the machine is busy.
// `--quick` runs the start-up rows only, with fewer runs, and judges nothing (CI prints it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYNTHETIC_PLAN, writeSyntheticPlan, writeSyntheticWorkspace } from './synthetic-plan.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const runs = Number(process.env.BENCH_RUNS ?? (quick ? 7 : 21));
const node = process.execPath;
const plan = join(root, 'bin', 'plan.js');
const ajvCli = join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const work = mkdtempSync(join(tmpdir(), 'plan-bench-'));
const cpuFile = join(work, 'cpu');
const preload = ['--require', join(root, 'scripts', 'bench-cpu.cjs')];

const floor = { name: 'node -e 0', args: ['-e', '0'] };
const planRow = (name, args, goal) => ({ name, args: [plan, ...args], goal });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function run(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(node, [...preload, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', PLAN_BENCH_CPU_FILE: cpuFile },
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { wall, cpu: Number(readFileSync(cpuFile, 'utf8')) / 1000 };
}

// Peak resident memory of one run, in KB, from the kernel's accounting via /usr/bin/time.
function peakKb(args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', node, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const kb = Number(result.stderr?.trim().split('\n').at(-1));
  return result.status === 0 && Number.isFinite(kb) ? kb : undefined;
}

const goals = [];
const fmt = (ms) => ms.toFixed(1).padStart(8);
const ratio = (value) => `${value.toFixed(2)}x`.padStart(7);

/** Runs every row of a group in turn, `times` times; prints each one's medians and ratios to the first. */
function compare(title, rows, times = runs) {
  const samples = rows.map(() => []);
  for (let i = 0; i < times; i++) rows.forEach((row, r) => samples[r].push(run(row.args)));
  const medians = samples.map((s) => ({ wall: median(s.map((x) => x.wall)), cpu: median(s.map((x) => x.cpu)) }));
  console.log(`\n${title} (${times} runs each, medians)`);
  console.log(`  ${''.padEnd(52)} ${'wall ms'.padStart(8)} ${'ratio'.padStart(7)}  ${'cpu ms'.padStart(8)} ${'ratio'.padStart(7)}  goal`);
  rows.forEach((row, r) => {
    const wall = medians[r].wall / medians[0].wall;
    const cpu = medians[r].cpu / medians[0].cpu;
    console.log(`  ${row.name.padEnd(52)} ${fmt(medians[r].wall)} ${ratio(wall)}  ${fmt(medians[r].cpu)} ${ratio(cpu)}  ${row.goal ? `<= ${row.goal}x` : ''}`);
    if (row.goal) goals.push({ name: row.name, goal: `<= ${row.goal}x node -e 0`, measured: `${wall.toFixed(2)}x (cpu ${cpu.toFixed(2)}x)`, met: wall <= row.goal });
  });
  return medians;
}

// The previous commit holds a workspace (a shallow clone has no parent; an old commit, the layout before workspaces).
function hasParent() {
  return spawnSync('git', ['cat-file', '-e', 'HEAD~1:plan/workspace.yaml'], { cwd: root, stdio: 'ignore' }).status === 0;
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`plan benchmark: Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model.trim()}, load average ${load()}`);
compare('Start-up and queries on the shipped plan, against node -e 0', [
  floor,
  planRow('plan --version', ['--version'], 1.3),
  planRow('plan --help', ['--help'], 1.3),
  planRow('plan list --unit RAU --format json', ['list', '--unit', 'RAU', '--format', 'json'], 1.5),
  planRow('plan list --unit RAU (table)', ['list', '--unit', 'RAU'], 1.7),
  planRow('plan list --as-of 2019-12-31 (table)', ['list', '--as-of', '2019-12-31'], 1.8),
  // The plan at the previous commit, read with git; skipped where that commit holds no workspace.
  ...(hasParent() ? [planRow('plan list --at HEAD~1 (table)', ['list', '--at', 'HEAD~1'], 2.5)] : []),
  planRow('plan validate', ['validate']),
  planRow('plan report', ['report']),
  planRow('plan report --format html', ['report', '--format', 'html'], 2),
  planRow('plan export', ['export']),
  planRow('plan export --format docx', ['export', '--format', 'docx'], 3),
  planRow('plan report --format docx', ['report', '--format', 'docx']),
]);

if (!quick) {
  // A workspace grows with the years: many plans, each with its own files; a query over them all.
  const plans40 = writeSyntheticWorkspace(join(work, 'workspace-40'), 40, 1_000);
  const plans400 = writeSyntheticWorkspace(join(work, 'workspace-400'), 400, 10_000);
  compare('Workspaces of many plans, against node -e 0', [
    floor,
    planRow('plan list --unit RAU --format json, 40 plans, 1,000 activities', ['list', '--plan-dir', plans40, '--unit', 'RAU', '--format', 'json'], 2.5),
    planRow('plan list --unit RAU (table), 40 plans, 1,000 activities', ['list', '--plan-dir', plans40, '--unit', 'RAU']),
    planRow('plan plans, 40 plans', ['plans', '--plan-dir', plans40]),
    planRow('plan validate, 400 plans, 10,000 activities', ['validate', '--plan-dir', plans400], 10),
  ], Math.ceil(runs / 2));
  const perActivity = {};
  for (const size of [1_000, 10_000, 100_000]) {
    const dir = writeSyntheticPlan(join(work, `plan-${size}`), size, 100);
    const times = size >= 100_000 ? Math.max(3, Math.ceil(runs / 4)) : size >= 10_000 ? Math.ceil(runs / 2) : runs;
    const validate = planRow(`plan validate, ${size.toLocaleString('en')} activities in 100 files`, ['validate', '--plan-dir', dir], size === 10_000 ? 10 : undefined);
    const ajv = {
      name: 'ajv-cli validate, the same 100 area files',
      args: [ajvCli, 'validate', '--spec=draft2020', '--all-errors', '-s', join(root, 'schemas', 'area.schema.json'), '-d', join(dir, SYNTHETIC_PLAN, 'area-*.yaml')],
    };
    const [, planTimes, ajvTimes] = compare(`Validation at ${size.toLocaleString('en')} activities, against node -e 0`, [floor, validate, ajv], times);
    console.log(`  plan validate / ajv-cli: wall ${(planTimes.wall / ajvTimes.wall).toFixed(2)}x, cpu ${(planTimes.cpu / ajvTimes.cpu).toFixed(2)}x`);
    if (size === 10_000) {
      goals.push({ name: 'plan validate at 10,000 beside ajv-cli', goal: 'faster than ajv-cli', measured: `${(planTimes.wall / ajvTimes.wall).toFixed(2)}x ajv-cli (cpu ${(planTimes.cpu / ajvTimes.cpu).toFixed(2)}x)`, met: planTimes.wall < ajvTimes.wall });
    }
    perActivity[size] = { ...planTimes, kb: peakKb(validate.args) };
    const kb = perActivity[size].kb;
    if (kb) console.log(`  peak memory of plan validate: ${(kb / 1024).toFixed(0)} MB, ${(kb / size).toFixed(2)} KB per activity`);
  }
  // The table beside CSV, piped: both one line per activity, so the table's layout should cost as little.
  for (const size of [2_000, 20_000]) {
    const dir = writeSyntheticPlan(join(work, `table-${size}`), size, 100);
    const times = size >= 20_000 ? Math.ceil(runs / 4) : Math.ceil(runs / 2);
    compare(`plan list at ${size.toLocaleString('en')} activities: table beside CSV`, [
      floor,
      planRow(`plan list --format csv, ${size.toLocaleString('en')} activities`, ['list', '--plan-dir', dir, '--format', 'csv']),
      planRow(`plan list (table), ${size.toLocaleString('en')} activities`, ['list', '--plan-dir', dir]),
    ], times);
  }
  // The status page grows with the plan, no faster: the same page at ten times the activities.
  const page = {};
  for (const size of [1_000, 10_000]) {
    const dir = join(work, `plan-${size}`);
    const row = planRow(`plan report --format html, ${size.toLocaleString('en')} activities`, ['report', '--format', 'html', '--plan-dir', dir]);
    [, page[size]] = compare(`The status page at ${size.toLocaleString('en')} activities, against node -e 0`, [floor, row], size >= 10_000 ? Math.ceil(runs / 2) : runs);
  }
  const pageGrowth = page[10_000].wall / page[1_000].wall;
  console.log(`\nGrowth of plan report --format html from 1,000 to 10,000 activities: wall ${pageGrowth.toFixed(1)}x, cpu ${(page[10_000].cpu / page[1_000].cpu).toFixed(1)}x`);
  goals.push({ name: 'status page from 1,000 to 10,000 activities', goal: '<= 11x', measured: `${pageGrowth.toFixed(1)}x (cpu ${(page[10_000].cpu / page[1_000].cpu).toFixed(1)}x)`, met: pageGrowth <= 11 });
  const growth = perActivity[100_000].wall / perActivity[10_000].wall;
  const cpuGrowth = perActivity[100_000].cpu / perActivity[10_000].cpu;
  console.log(`\nGrowth of plan validate from 10,000 to 100,000 activities: wall ${growth.toFixed(1)}x, cpu ${cpuGrowth.toFixed(1)}x`);
  goals.push({ name: 'growth from 10,000 to 100,000 activities', goal: '<= 11x', measured: `${growth.toFixed(1)}x (cpu ${cpuGrowth.toFixed(1)}x)`, met: growth <= 11 });
  const kb = perActivity[100_000].kb;
  if (kb) goals.push({ name: 'peak memory at 100,000 activities', goal: '<= 6 KB per activity', measured: `${(kb / 100_000).toFixed(2)} KB per activity`, met: kb / 100_000 <= 6 });
  console.log('\nGoals (wall-time ratios; the machine was ' + `at load average ${load()} at the end)`);
  for (const { name, goal, measured, met } of goals) console.log(`  ${met ? 'met   ' : 'missed'}  ${name.padEnd(42)} ${goal.padEnd(22)} ${measured}`);
}
rmSync(work, { recursive: true, force: true });
