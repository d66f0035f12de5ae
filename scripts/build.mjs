// `npm run build`: bundles src/ into one CommonJS file, dist/plan.cjs, and the small module that
// loads it, dist/loadBundle.js. One file spares start-up the resolution and compilation of dozens
// of modules; CommonJS lets the loader hand V8 a code cache, which Node 20 has no switch for.
// Commands, chalk and cli-table3 stay in the bundle but run only when a command needs them;
// yaml stays outside and is required on demand (src/load/yamlLibrary.ts).
// The first line of the bundle is a hash of its content: the code cache is only used for that content.
// Last, one run of `plan list` on the shipped plan writes the cache that installs ship with.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', write: false };
const bundle = await build({
  ...common,
  stdin: { contents: "export { main } from './main.js';\nexport { processIo } from './io.js';\n", resolveDir: join(root, 'src'), loader: 'ts' },
  outfile: join(dist, 'plan.cjs'),
  format: 'cjs',
  external: ['yaml'],
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
const code = bundle.outputFiles[0].text;
const id = createHash('sha256').update(code).digest('hex');
const loader = await build({ ...common, entryPoints: ['src/loadBundle.ts'], outfile: join(dist, 'loadBundle.js'), format: 'esm' });

mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'plan.cjs'), `// ${id}\n${code}`);
writeFileSync(join(dist, 'loadBundle.js'), loader.outputFiles[0].text);
spawnSync(process.execPath, [join(root, 'bin', 'plan.js'), 'list', '--unit', 'RAU', '--format', 'json'], { cwd: root, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
