import type { Finding } from '../model.js';
import { parseChecked } from './parseChecked.js';
import type { ParsedYaml } from './parseYaml.js';
import type { PlanSource } from './planSource.js';
import { readSource } from './readSource.js';
import type { SchemaValidator } from './schemaFindings.js';

/** One file as a loader read it: its name as findings give it, and as much as could be read. */
export interface LoadedFile<T> {
  file: string;
  parsed?: ParsedYaml;
  /** The data, when it parsed and matched its schema. */
  data?: T;
}

/** Reads one file of `source`, parses it and checks it against its schema. */
export type LoadFile = <T>(name: string, validator: SchemaValidator) => LoadedFile<T>;

/** Appends `more` to `findings`: a broken file can give hundreds of thousands, too many to spread into push's arguments. */
export function appendFindings(findings: Finding[], more: readonly Finding[]): void {
  for (const finding of more) findings.push(finding);
}

/**
 * The one way workspace.yaml, organisation files, plan.yaml and area files are read: the file is
 * named (`display`) in `files`, and what reading, parsing and the schema find goes to `findings`.
 */
export function fileLoader(source: PlanSource, display: (name: string) => string, findings: Finding[], files: string[]): LoadFile {
  return <T>(name: string, validator: SchemaValidator): LoadedFile<T> => {
    const file = display(name);
    files.push(file);
    const read = readSource(name, file, (path) => source.read(path));
    if ('finding' in read) {
      findings.push(read.finding);
      return { file };
    }
    const { parsed, findings: found, valid } = parseChecked(read.text, file, validator);
    appendFindings(findings, found);
    return valid ? { file, parsed, data: parsed.data as T } : { file, parsed };
  };
}
