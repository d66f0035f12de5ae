// `npm run build`: bundles src/ for bin/plan.js, with esbuild.
//   dist/plan.cjs         everything, as one function of (exports, require, module, __filename, __dirname)
//   dist/loadBundle.cjs   runs it through V8's code cache (src/loadBundle.ts, src/runCached.ts)
//   dist/docx.cjs         docx and fflate, the same way, run only for --format docx (src/render/documentDocx.ts)
// One file spares start-up the resolution and compilation of dozens of modules; a script rather than
// an ES module lets V8 take a code cache, which Node 20 has no switch for. Commands, chalk and
// string-width are in the bundle but run only when a command needs them; yaml and diff stay outside and
// are required on demand (src/load/yamlLibrary.ts). A bundle's first line holds a hash of its content,
// so a cache is only used with the content it was made from. Last, one run of `plan list` and one of
// `plan export --format docx` on the shipped plan write the caches an install starts with.
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
const [bundle, loader, word] = await Promise.all([
  build({
    ...options,
    stdin: { contents: "export { main } from './main.js';\nexport { processIo } from './io.js';\n", resolveDir: join(root, 'src'), loader: 'ts' },
    external: ['yaml', 'diff', 'docx', 'fflate'],
  }),
  build({ ...options, entryPoints: ['src/loadBundle.ts'] }),
  build({ ...options, stdin: { contents: "export * as docx from 'docx';\nexport * as fflate from 'fflate';\n", resolveDir: root, loader: 'js' } }),
]);
// A bundle as one function, its first line stamped with a hash of its content (for its code cache).
const wrapped = (code) => `(function (exports, require, module, __filename, __dirname) { // ${createHash('sha256').update(code).digest('hex')}\n${code}\n})\n`;

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
writeFileSync(join(dist, 'plan.cjs'), wrapped(bundle.outputFiles[0].text));
writeFileSync(join(dist, 'docx.cjs'), wrapped(word.outputFiles[0].text));
writeFileSync(join(dist, 'loadBundle.cjs'), loader.outputFiles[0].text);
spawnSync(process.execPath, [join(root, 'bin', 'plan.js'), 'list', '--unit', 'RAU', '--format', 'json'], { cwd: root, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
spawnSync(process.execPath, [join(root, 'bin', 'plan.js'), 'export', '--format', 'docx'], { cwd: root, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
