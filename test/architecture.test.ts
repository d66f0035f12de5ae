import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

// The one-way flow, argv → cli → command → load → domain → render → io, checked on every import of src/.
const src = join(root, 'src');
const modules = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.split('\\').join('/'))
  .sort();

interface Import {
  from: string;
  /** A module of src/ (its path from src/, .ts), or a package or node: builtin as written. */
  to: string;
  typeOnly: boolean;
}

// Static imports and re-exports, type-only ones marked, and dynamic import() calls.
function importsOf(file: string): Import[] {
  const text = readFileSync(join(src, file), 'utf8');
  const found: Import[] = [];
  const resolve = (specifier: string) => (specifier.startsWith('.') ? normalize(join(dirname(file), specifier)).split('\\').join('/').replace(/\.js$/, '.ts') : specifier);
  for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm)) found.push({ from: file, to: resolve(match[2]!), typeOnly: match[1] !== undefined });
  for (const match of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) found.push({ from: file, to: resolve(match[1]!), typeOnly: false });
  return found;
}

const imports = modules.flatMap(importsOf);
const layerOf = (module: string) => (module.includes('/') ? module.slice(0, module.indexOf('/')) : module.replace(/\.ts$/, ''));

// What each layer must not import: a layer named here, a file of src/, or a package.
const forbidden: Record<string, readonly string[]> = {
  commands: ['cli'],
  load: ['cli', 'commands', 'render', 'document', 'git', 'io', 'write', 'completion', 'chalk'],
  domain: ['cli', 'commands', 'render', 'document', 'git', 'io', 'load', 'write', 'completion', 'chalk', 'node:fs', 'node:child_process'],
  document: ['cli', 'commands', 'render', 'git', 'io', 'load', 'write', 'completion', 'node:fs', 'node:child_process'],
  render: ['cli', 'commands', 'git', 'io', 'load', 'write', 'completion', 'node:fs', 'node:child_process'],
  git: ['cli', 'commands', 'render', 'document', 'io', 'completion'],
  completion: ['cli', 'commands', 'io', 'load', 'git', 'write'],
  write: ['cli', 'commands', 'render', 'document', 'domain', 'load', 'git', 'io'],
  text: ['cli', 'commands', 'render', 'document', 'domain', 'load', 'git', 'io', 'write'],
};

describe('the shape of src/', () => {
  it('reads the imports it checks', () => {
    expect(modules.length).toBeGreaterThan(80);
    expect(imports.some((edge) => edge.from === 'cli.ts' && edge.to === 'commands/list.ts')).toBe(true);
    expect(imports.some((edge) => edge.typeOnly)).toBe(true);
  });

  it('imports only modules that exist', () => {
    const known = new Set(modules);
    expect(imports.filter((edge) => edge.to.endsWith('.ts') && !known.has(edge.to)).map((edge) => `${edge.from} → ${edge.to}`)).toEqual([]);
  });

  it('keeps every layer to its own side of the flow', () => {
    const against = imports.filter((edge) => {
      const rules = forbidden[layerOf(edge.from)] ?? [];
      const target = edge.to.endsWith('.ts') ? layerOf(edge.to) : edge.to;
      return rules.includes(target);
    });
    expect(against.map((edge) => `${edge.from} → ${edge.to}${edge.typeOnly ? ' (type)' : ''}`)).toEqual([]);
  });

  it('has no import cycle', () => {
    const next = new Map<string, string[]>(modules.map((module) => [module, []]));
    for (const edge of imports) if (!edge.typeOnly && next.has(edge.to)) next.get(edge.from)!.push(edge.to);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (module: string, path: string[]) => {
      state.set(module, 'open');
      for (const to of next.get(module)!) {
        if (state.get(to) === 'open') cycles.push([...path.slice(path.indexOf(to)), to].join(' → '));
        else if (!state.has(to)) visit(to, [...path, to]);
      }
      state.set(module, 'done');
    };
    for (const module of modules) if (!state.has(module)) visit(module, [module]);
    expect(cycles).toEqual([]);
  });

  it('colours in one place and exits in none', () => {
    expect(imports.filter((edge) => edge.to === 'chalk').map((edge) => edge.from)).toEqual(['render/style.ts']);
    expect(modules.filter((module) => /\bprocess\.exit\(/.test(readFileSync(join(src, module), 'utf8')))).toEqual([]);
  });
});
