import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fixtures, root, shippedPlan } from './helpers.js';

// One schema per kind of file of the workspace.
const kinds = ['workspace', 'organisation', 'plan', 'area'] as const;
const schemas = Object.fromEntries(kinds.map((kind) => [kind, JSON.parse(readFileSync(join(root, 'schemas', `${kind}.schema.json`), 'utf8'))]));

type Schema = Record<string, unknown>;

// Every subschema of `schema` with its JSON pointer.
function* subschemas(schema: Schema, pointer = ''): Generator<[string, Schema]> {
  yield [pointer, schema];
  for (const key of ['properties', '$defs', 'patternProperties'] as const) {
    for (const [name, sub] of Object.entries((schema[key] as Record<string, Schema> | undefined) ?? {})) yield* subschemas(sub, `${pointer}/${key}/${name}`);
  }
  for (const key of ['items', 'additionalProperties'] as const) {
    const sub = schema[key];
    if (sub && typeof sub === 'object') yield* subschemas(sub as Schema, `${pointer}/${key}`);
  }
}

describe('schemas/', () => {
  it('identify themselves by file name, relative to where they are read from', () => {
    for (const kind of kinds) expect(schemas[kind].$id).toBe(`${kind}.schema.json`);
  });

  it('give every property a title and a description, for editor hovers', () => {
    for (const kind of kinds) {
      for (const [pointer, schema] of subschemas(schemas[kind])) {
        if (!/\/properties\/[^/]+$/.test(pointer)) continue;
        expect(schema.title, `${kind}${pointer}`).toEqual(expect.any(String));
        expect(schema.description, `${kind}${pointer}`).toEqual(expect.any(String));
      }
    }
  });

  it('give examples that are valid values where they stand', () => {
    const ajv = new Ajv2020.default({ strict: true, allErrors: true });
    for (const kind of kinds) ajv.addSchema(schemas[kind]);
    let count = 0;
    for (const kind of kinds) {
      for (const [pointer, schema] of subschemas(schemas[kind])) {
        for (const example of (schema.examples as unknown[] | undefined) ?? []) {
          const valid = ajv.validate({ $ref: `${kind}.schema.json#${pointer}` }, example);
          expect(valid, `${kind}${pointer}: ${JSON.stringify(example)} ${ajv.errorsText()}`).toBe(true);
          count++;
        }
      }
    }
    expect(count).toBeGreaterThan(20);
  });

  it('are named by the modeline of every YAML file, matching its kind', () => {
    // workspace.yaml, organisations/<id>.yaml, <plan-id>/plan.yaml and <plan-id>/<area-id>.yaml.
    const kindOf = (name: string): (typeof kinds)[number] => {
      const parts = name.split(sep);
      if (parts.length === 1) {
        expect(name).toBe('workspace.yaml');
        return 'workspace';
      }
      expect(parts, name).toHaveLength(2);
      if (parts[0] === 'organisations') return 'organisation';
      return parts[1] === 'plan.yaml' ? 'plan' : 'area';
    };
    const folders = [shippedPlan, join(fixtures, 'minimal', 'plan')];
    for (const folder of folders) {
      const seen = new Set<string>();
      for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.yaml'))) {
        const first = readFileSync(join(folder, name), 'utf8').split('\n')[0]!;
        const kind = kindOf(name);
        seen.add(kind);
        const path = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
        expect(path, join(folder, name)).toBeDefined();
        expect(resolve(folder, name, '..', path!), join(folder, name)).toBe(join(root, 'schemas', `${kind}.schema.json`));
        expect(existsSync(resolve(folder, name, '..', path!))).toBe(true);
      }
      expect([...seen].sort(), folder).toEqual([...kinds].sort());
    }
  });
});
