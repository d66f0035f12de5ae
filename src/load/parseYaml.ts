import type { Document, Node } from 'yaml';
import type { Finding } from '../model.js';
import { yamlLibrary } from './yamlLibrary.js';

/** Aliases allowed per file: a plan needs few, and a low bound stops "billion laughs" expansion. */
export const MAX_ALIAS_COUNT = 100;

/** A parsed YAML file: its data and a way back from a JSON path to the line and column it was written at. */
export interface ParsedYaml {
  /** The data, when the file parsed (duplicate keys still give data: the last value wins). */
  data?: unknown;
  findings: Finding[];
  locate(path: readonly (string | number)[], at?: 'key' | 'value'): Position;
}

export interface Position {
  line: number;
  column: number;
}

/** Parses YAML 1.2 (core schema: dates stay strings) and reports syntax errors and duplicate keys as findings. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const locate = (path: readonly (string | number)[], at: 'key' | 'value' = 'value') => position(offsetOf(doc, path, at));

  const findings: Finding[] = [];
  let syntaxError = false;
  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    // After the first syntax error the parser's further complaints are mostly its consequences.
    if (!duplicate && syntaxError) continue;
    syntaxError ||= !duplicate;
    findings.push({
      file,
      ...position(error.pos[0]),
      rule: duplicate ? 'duplicate-key' : 'yaml-syntax',
      message: duplicate ? `duplicate key ${JSON.stringify(keyText(text, error.pos))}` : syntaxMessage(error.message),
      path: '',
      severity: 'error',
    });
  }
  for (const warning of doc.warnings) {
    if (syntaxError) break;
    findings.push({
      file,
      ...position(warning.pos[0]),
      rule: 'yaml-syntax',
      message: syntaxMessage(warning.message),
      path: '',
      severity: 'error',
    });
    syntaxError = true;
  }
  if (syntaxError) return { findings, locate };
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), findings, locate };
  } catch (error) {
    // toJS throws only when aliases expand beyond the bound.
    findings.push({
      file,
      ...position(firstAliasOffset(doc)),
      rule: 'yaml-syntax',
      message: `too many alias expansions (more than ${MAX_ALIAS_COUNT}): ${(error as Error).message}`,
      path: '',
      severity: 'error',
    });
    return { findings, locate };
  }
}

// The key as written: the error's range covers only its first character.
function keyText(text: string, [start]: [number, number]): string {
  const rest = text.slice(start, text.indexOf('\n', start) === -1 ? undefined : text.indexOf('\n', start));
  const key = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#]*?)\s*:(?:\s|$)/.exec(rest)?.[1] ?? rest;
  return key.replace(/^["']|["']$/g, '').slice(0, 80);
}

function syntaxMessage(message: string): string {
  // yaml appends " at line L, column C" and a code frame; the finding carries the position already.
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

// The start of the deepest node `path` reaches; a missing step stops at its parent.
function offsetOf(doc: Document, path: readonly (string | number)[], at: 'key' | 'value'): number {
  const { isMap, isScalar, isSeq } = yamlLibrary();
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      if (last && at === 'key' && keyStart !== undefined) return keyStart;
      node = pair.value;
      offset = rangeStart(node) ?? keyStart ?? offset;
    } else if (isSeq(node)) {
      const item = node.items[Number(step)];
      if (item === undefined) break;
      node = item;
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return node && typeof node === 'object' && 'range' in node ? (node as Node).range?.[0] : undefined;
}

function firstAliasOffset(doc: Document): number {
  const { isAlias, isMap, isSeq } = yamlLibrary();
  let found: number | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined || !node) return;
    if (isAlias(node)) found = node.range?.[0];
    else if (isMap(node)) for (const pair of node.items) (visit(pair.key), visit(pair.value));
    else if (isSeq(node)) for (const item of node.items) visit(item);
  };
  visit(doc.contents);
  return found ?? 0;
}
