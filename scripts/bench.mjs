// Start-up is a feature: the median wall time of a few plan runs against `node -e 0`, as a
// person (or a shell pressing Tab) starts them. Run with `npm run bench` after `npm run build`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 31);
const cases = [
  ['node -e 0', ['-e', '0']],
  ['plan --version', ['bin/plan.js', '--version']],
  ['plan validate', ['bin/plan.js', 'validate']],
  ['plan list --unit RAU --format json', ['bin/plan.js', 'list', '--unit', 'RAU', '--format', 'json']],
  ['plan __complete l (Tab after plan l)', ['bin/plan.js', '__complete', 'l']],
  ['plan __complete list --unit R', ['bin/plan.js', '__complete', 'list', '--unit', 'R']],
];

// Round robin, so a burst of load on the machine weighs on every case alike.
const times = cases.map(() => []);
for (let i = 0; i < runs; i++) {
  cases.forEach(([name, args], index) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}`);
    times[index].push(Number(process.hrtime.bigint() - start) / 1e6);
  });
}
cases.forEach(([name], index) => {
  const sorted = times[index].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  console.log(`${name.padEnd(40)} median ${at(0.5).padStart(6)} ms   p90 ${at(0.9).padStart(6)} ms`);
});
