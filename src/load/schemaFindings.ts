import type { ErrorObject } from 'ajv';
import { quoted } from '../text/quoted.js';
import { didYouMean } from '../text/closest.js';
import type { Finding } from '../model.js';
import type { ParsedYaml } from './parseYaml.js';

/** A compiled schema validator, as ajv generates them. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Validates `data` against a schema and reports each error at the line and column of the value it concerns. */
export function schemaFindings(validator: SchemaValidator, data: unknown, parsed: ParsedYaml, file: string): Finding[] {
  if (validator(data)) return [];
  const findings: Finding[] = [];
  const errors = validator.errors ?? [];
  // A value of the wrong type fails its enum too; the type says why.
  const mistyped = new Set(errors.filter((error) => error.keyword === 'type').map((error) => error.instancePath));
  // A value can fail one check twice, as a list's items and as the definition they refer to.
  const reported = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'propertyNames') continue; // its nested error names the key
    if (error.keyword === 'enum' && mistyped.has(error.instancePath)) continue;
    const finding = describe(error);
    if (!finding) continue;
    const key = `${toPointer(finding.path)} ${finding.message}`;
    if (reported.has(key)) continue;
    reported.add(key);
    findings.push({
      file,
      ...parsed.locate(finding.path, finding.at),
      rule: 'schema',
      message: finding.message,
      path: toPointer(finding.path),
      severity: 'error',
    });
  }
  return findings;
}

interface Described {
  path: string[];
  at: 'key' | 'value';
  message: string;
}

function describe(error: ErrorObject): Described | undefined {
  const path = fromPointer(error.instancePath);
  const name = path.length && !/^\d+$/.test(path.at(-1)!) ? `${path.at(-1)}: ` : '';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path, at: 'value', message: `missing required property "${String(params.missingProperty)}"` };
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      return {
        path: [...path, property],
        at: 'key',
        message: `unknown property "${property}"${didYouMean(property, known)}`,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const near = typeof error.data === 'string' ? didYouMean(error.data, allowed) : '';
      return { path, at: 'value', message: `${name}${show(error.data)} is not one of ${allowed.join(', ')}${near}` };
    }
    case 'type':
      return { path, at: 'value', message: `${name}expected ${String(params.type)}, found ${typeOf(error.data)}` };
    case 'pattern': {
      const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
      if (propertyName !== undefined) {
        return { path: [...path, propertyName], at: 'key', message: `${show(propertyName)} is not a valid key: ${expectation(error)}` };
      }
      return { path, at: 'value', message: `${name}${show(error.data)} is not valid: ${expectation(error)}` };
    }
    case 'minLength':
      return { path, at: 'value', message: `${name}must not be empty` };
    case 'minItems':
      return { path, at: 'value', message: `${name}needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` };
    case 'minProperties':
      return { path, at: 'value', message: `${name}needs at least ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}` };
    case 'uniqueItems':
      return {
        path: [...path, String(params.i)],
        at: 'value',
        message: `${name}items ${Number(params.j) + 1} and ${Number(params.i) + 1} are the same`,
      };
    default:
      return { path, at: 'value', message: `${name}${error.message ?? 'is not valid'}` };
  }
}

// A pattern's meaning in words: the description of the schema it belongs to, else the pattern itself.
function expectation(error: ErrorObject): string {
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  return description ? `expected ${lowerFirst(description.replace(/\.$/, ''))}` : `expected a match for ${String(error.schema)}`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

// A value from the data as a message quotes it. A mapping is named, not converted: its keys may be
// toString or valueOf, which String() would call.
function show(value: unknown): string {
  if (value !== null && typeof value === 'object') return typeOf(value);
  return typeof value === 'string' ? quoted(value) : String(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${show(value)}`;
}

function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The JSON pointer of a path inside a file. */
export function toPointer(path: readonly (string | number)[]): string {
  let pointer = '';
  for (const step of path) {
    const text = String(step);
    // Every activity id and related id gets a pointer: escape only the rare step that needs it.
    pointer += `/${text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text}`;
  }
  return pointer;
}
