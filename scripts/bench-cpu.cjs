// Preloaded into every benchmarked process (node -e 0 alike): writes the process's CPU time, user
// plus system, in microseconds, to the file the benchmark names. CPU time varies far less than wall
// time on a busy machine.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  require('node:fs').writeFileSync(process.env.PLAN_BENCH_CPU_FILE, String(user + system));
});
