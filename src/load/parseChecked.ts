import type { Finding } from '../model.js';
import { parseYaml, type ParsedYaml } from './parseYaml.js';
import { parseYamlFast } from './parseYamlFast.js';
import { schemaFindings, type SchemaValidator } from './schemaFindings.js';

/** A plan file parsed and checked against its schema. */
export interface CheckedFile {
  parsed: ParsedYaml;
  /** Syntax, duplicate-key and schema findings. */
  findings: Finding[];
  /** Whether `parsed.data` matches the schema. */
  valid: boolean;
}

/**
 * Parses one plan file and checks it against its schema: through js-yaml when the file is clean,
 * else through yaml 2 throughout, so every finding has yaml 2's data, positions and messages.
 */
export function parseChecked(text: string, file: string, validator: SchemaValidator): CheckedFile {
  const fast = parseYamlFast(text, file);
  if (fast && validator(fast.data)) return { parsed: fast, findings: [], valid: true };
  const parsed = parseYaml(text, file);
  if (parsed.data === undefined) return { parsed, findings: parsed.findings, valid: false };
  const invalid = schemaFindings(validator, parsed.data, parsed, file);
  return { parsed, findings: [...parsed.findings, ...invalid], valid: invalid.length === 0 };
}
