// Derives code from schemas/ so the JSON Schemas stay the one source of truth:
// TypeScript types (src/generated/schema-types.ts) and ajv validators compiled
// ahead of time (src/generated/validators.ts), which spares every run the schema compile.
// `--check` exits 1 when the committed files differ from what the schemas give.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { compile } from 'json-schema-to-typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const kinds = ['workspace', 'organisation', 'plan', 'area'];
const schemas = Object.fromEntries(
  kinds.map((kind) => [kind, JSON.parse(readFileSync(`${root}schemas/${kind}.schema.json`, 'utf8'))]),
);

// Titles on properties are for editors' hovers; json-schema-to-typescript would turn each into a
// named type alias, so only the root's and $defs' titles name types.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
const VALUES = new Set(['examples', 'enum', 'const', 'default', 'required']);
function withTypeTitlesOnly(schema, keepTitle = true) {
  if (Array.isArray(schema)) return schema.map((item) => withTypeTitlesOnly(item, false));
  if (!schema || typeof schema !== 'object') return schema;
  const copy = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'title' && !keepTitle) continue;
    if (VALUES.has(key)) copy[key] = value;
    else if (SCHEMA_MAPS.has(key)) {
      copy[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withTypeTitlesOnly(sub, key === '$defs')]));
    } else copy[key] = withTypeTitlesOnly(value, false);
  }
  return copy;
}

async function schemaTypes() {
  const banner = '// Generated from schemas/ by scripts/generate.mjs; run `npm run generate` after editing a schema.\n';
  const parts = [];
  for (const kind of kinds) {
    const ts = await compile(withTypeTitlesOnly(schemas[kind]), schemas[kind].title, {
      bannerComment: '',
      additionalProperties: false,
      format: true,
      style: { singleQuote: true },
      ignoreMinAndMaxItems: true,
    });
    parts.push(ts.trim());
  }
  // The area schema's $defs repeat in each file's output; keep the first declaration of each name.
  const seen = new Set();
  const out = [];
  for (const block of parts.join('\n').split(/\n(?=(?:\/\*\*[\s\S]*?\*\/\n)?export )/)) {
    const name = block.match(/export (?:interface|type) (\w+)/)?.[1];
    if (name && seen.has(name)) continue;
    if (name) seen.add(name);
    out.push(block.trim());
  }
  return banner + out.join('\n\n') + '\n';
}

// ajv counts a string's length in code points, walking the whole string; where every length limit
// is minLength 1, counting code units gives the same verdicts without the walk.
const onlyNonEmpty = (JSON.stringify(schemas).match(/"m(?:in|ax)Length":\s*\d+/g) ?? []).every((limit) => /"minLength":\s*1$/.test(limit));

function validators() {
  const ajv = new Ajv2020.default({
    allErrors: true,
    strict: true,
    verbose: true,
    unicode: !onlyNonEmpty,
    // ajv calls the option deprecated, not the behaviour: say nothing about it.
    logger: { log: console.log, warn: (message, ...rest) => /option unicode/.test(message) || console.warn(message, ...rest), error: console.error },
    code: { source: true, esm: true, lines: false, optimize: true },
  });
  for (const kind of kinds) ajv.addSchema(schemas[kind]);
  const code = standaloneCode.default(
    ajv,
    Object.fromEntries(kinds.map((kind) => [`${kind}Validator`, schemas[kind].$id])),
  );
  // ajv's ESM output still calls require() for its runtime helpers: import them instead, so the
  // bundler takes them in and nothing is resolved at run time. Node's default import of a CommonJS
  // module is its module.exports; other loaders hand over its `default` export.
  const helpers = new Map();
  const body = code.replace(/^"use strict";/, '').replace(/require\("(ajv\/dist\/runtime\/[\w-]+)"\)\.default/g, (_, path) => {
    const name = `runtime_${path.split('/').at(-1).replace(/\W/g, '_')}`;
    helpers.set(path, name);
    return `(typeof ${name} === 'function' ? ${name} : ${name}.default)`;
  });
  return (
    '// @ts-nocheck\n' +
    '// Generated from schemas/ by scripts/generate.mjs; run `npm run generate` after editing a schema.\n' +
    [...helpers].map(([path, name]) => `import ${name} from '${path}.js';\n`).join('') +
    linearErrors(body) +
    '\n'
  );
}

// ajv gathers the errors of each item of a list with concat, which copies every error found so far:
// quadratic, minutes for a file of a few thousand invalid items. Appending in place keeps it linear.
function linearErrors(code) {
  return code.replace(
    /vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g,
    (_, validator) => `if(vErrors === null){vErrors = ${validator}.errors;}else {for(const e of ${validator}.errors){vErrors.push(e);}}`,
  );
}

const outputs = {
  'src/generated/schema-types.ts': await schemaTypes(),
  'src/generated/validators.ts': validators(),
};

if (process.argv.includes('--check')) {
  const stale = Object.entries(outputs).filter(([file, text]) => {
    try {
      return readFileSync(root + file, 'utf8') !== text;
    } catch {
      return true;
    }
  });
  for (const [file] of stale) console.error(`${file} is out of date with schemas/: run npm run generate`);
  process.exitCode = stale.length ? 1 : 0;
} else {
  for (const [file, text] of Object.entries(outputs)) writeFileSync(root + file, text);
}
