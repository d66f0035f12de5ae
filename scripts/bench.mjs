// `npm run bench`: whole-process wall times of plan beside `node -e 0` and ajv-cli, run
// alternately so machine noise hits every command alike; prints medians and ratios.
// `--quick` runs the small-plan rows only, with fewer runs (CI prints them; no pass/fail).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticPlan } from './synthetic-plan.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const runs = Number(process.env.BENCH_RUNS ?? (quick ? 7 : 21));
const node = process.execPath;
const plan = join(root, 'bin', 'plan.js');
const ajvCli = join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const work = mkdtempSync(join(tmpdir(), 'plan-bench-'));

const floor = { name: 'node -e 0', argv: [node, '-e', '0'] };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(argv, cwd = root) {
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && !argv.includes('--expect-fail')) {
    throw new Error(`${argv.slice(1).join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

// Peak resident memory of one run, in KB, from the kernel's accounting via /usr/bin/time.
function peakKb(argv) {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const kb = Number(result.stderr.trim().split('\n').at(-1));
  return Number.isFinite(kb) ? kb : undefined;
}

/** Runs every command of a group in turn, `runs` times, and reports each one's median and ratio to the first. */
function compare(title, commands, times = runs) {
  const samples = commands.map(() => []);
  for (let i = 0; i < times; i++) commands.forEach((command, c) => samples[c].push(time(command.argv, command.cwd)));
  const base = median(samples[0]);
  console.log(`\n${title}`);
  commands.forEach((command, c) => {
    const m = median(samples[c]);
    console.log(`  ${command.name.padEnd(58)} ${m.toFixed(1).padStart(8)} ms  ${(m / base).toFixed(2).padStart(5)}x`);
  });
  return samples.map(median);
}

console.log(`plan benchmark: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${runs} runs per row, medians`);
compare('Start-up and queries on the shipped plan (ratio to node -e 0)', [
  floor,
  { name: 'plan --version', argv: [node, plan, '--version'] },
  { name: 'plan --help', argv: [node, plan, '--help'] },
  { name: 'plan list --unit RAU --format json', argv: [node, plan, 'list', '--unit', 'RAU', '--format', 'json'] },
  { name: 'plan list --unit RAU (table)', argv: [node, plan, 'list', '--unit', 'RAU'] },
  { name: 'plan validate', argv: [node, plan, 'validate'] },
  { name: 'plan report', argv: [node, plan, 'report'] },
  { name: 'plan export', argv: [node, plan, 'export'] },
]);

if (!quick) {
  const sizes = [1_000, 10_000, 100_000];
  const perActivity = {};
  for (const size of sizes) {
    const dir = writeSyntheticPlan(join(work, `plan-${size}`), size, 100);
    const times = size >= 100_000 ? Math.max(3, Math.ceil(runs / 4)) : size >= 10_000 ? Math.ceil(runs / 2) : runs;
    const rows = [floor, { name: `plan validate, ${size} activities in 100 files`, argv: [node, plan, 'validate', '--plan-dir', dir] }];
    const hasAjvCli = spawnSync(node, [ajvCli, 'help'], { stdio: 'ignore' }).status !== null;
    if (hasAjvCli) {
      rows.push({
        name: `ajv-cli validate, the same 100 area files`,
        argv: [node, ajvCli, 'validate', '--spec=draft2020', '--all-errors', '-s', join(root, 'schemas', 'area.schema.json'), '-d', join(dir, 'area-*.yaml')],
      });
    }
    const [, planMs] = compare(`Validation at ${size} activities (ratio to node -e 0)`, rows, times);
    const kb = peakKb([node, plan, 'validate', '--plan-dir', dir]);
    perActivity[size] = planMs;
    if (kb) console.log(`  peak memory of plan validate: ${(kb / 1024).toFixed(0)} MB, ${((kb * 1024) / size / 1024).toFixed(2)} KB per activity`);
  }
  console.log(`\nGrowth of plan validate from 10,000 to 100,000 activities: ${(perActivity[100_000] / perActivity[10_000]).toFixed(1)}x`);
}
rmSync(work, { recursive: true, force: true });
