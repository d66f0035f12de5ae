// `npm run build`: bundles src/ for bin/plan.js, with esbuild.
//   dist/plan.cjs         everything, as one function of (exports, require, module, __filename, __dirname)
//   dist/loadBundle.cjs   runs it through V8's code cache (src/loadBundle.ts)
// One file spares start-up the resolution and compilation of dozens of modules; a script rather than
// an ES module lets V8 take a code cache, which Node 20 has no switch for. Commands, chalk and
// cli-table3 are in the bundle but run only when a command needs them; yaml stays outside and is
// required on demand (src/load/yamlLibrary.ts). The bundle's first line holds a hash of its content,
// so a cache is only used with the content it was made from. Last, one run of `plan list` on the
// shipped plan writes the cache an install starts with.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

const options = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
  // import.meta.url is the bundle's own URL, as it was each module's.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
const [bundle, loader] = await Promise.all([
  build({
    ...options,
    stdin: { contents: "export { main } from './main.js';\nexport { processIo } from './io.js';\n", resolveDir: join(root, 'src'), loader: 'ts' },
    external: ['yaml'],
  }),
  build({ ...options, entryPoints: ['src/loadBundle.ts'] }),
]);
const code = bundle.outputFiles[0].text;
const hash = createHash('sha256').update(code).digest('hex');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
writeFileSync(join(dist, 'plan.cjs'), `(function (exports, require, module, __filename, __dirname) { // ${hash}\n${code}\n})\n`);
writeFileSync(join(dist, 'loadBundle.cjs'), loader.outputFiles[0].text);
spawnSync(process.execPath, [join(root, 'bin', 'plan.js'), 'list', '--unit', 'RAU', '--format', 'json'], { cwd: root, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
