// Start-up time of `plan list --unit RAU --format json` beside a bare `node -e 0`:
// the median wall time of alternating runs, so both see the same machine load.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 20);
const cases = {
  'node -e 0': ['-e', '0'],
  'plan list --unit RAU --format json': ['bin/plan.js', 'list', '--unit', 'RAU', '--format', 'json'],
  'plan list --unit RAU (table)': ['bin/plan.js', 'list', '--unit', 'RAU'],
};

const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}`);
    times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const base = median(times['node -e 0']);
for (const [name, values] of Object.entries(times)) {
  const m = median(values);
  const extra = name === 'node -e 0' ? '' : `  (+${(m - base).toFixed(1)} ms)`;
  console.log(`${name.padEnd(40)} median ${m.toFixed(1)} ms, min ${Math.min(...values).toFixed(1)} ms over ${runs} runs${extra}`);
}
