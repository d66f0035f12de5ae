import type { RuleId } from '../ruleRegistry.js';
import { quoted } from '../text/quoted.js';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { Finding } from '../model.js';
import { yamlLibrary } from './yamlLibrary.js';

/** Aliases allowed per file: a plan needs few, and a low bound stops "billion laughs" expansion. */
export const MAX_ALIAS_COUNT = 100;

/** How deep collections may nest: a plan needs six levels, and yaml and every reader of the data recurse. */
export const MAX_DEPTH = 64;

/** How many values a file may hold with its aliases expanded: bounds the work of everything that reads the data. */
export const MAX_VALUES = 100_000;

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

/** A reason the data of a file that parsed cannot be used, at the node that shows it. */
interface Problem {
  offset: number;
  rule: RuleId;
  message: string;
}

/** Parses YAML 1.2 (core schema: dates stay strings) and reports syntax errors, duplicate keys and exceeded limits as findings. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    schema: 'core',
    // yaml compares each key with every key before it, which takes minutes for a mapping of 100,000 keys;
    // the walk below finds duplicates in one pass.
    uniqueKeys: false,
    prettyErrors: false,
    // Without this, !!timestamp, !!binary, !!set and !!omap would give dates, bytes, sets and maps:
    // a plan's data is what JSON can hold, so such a tag is a finding.
    resolveKnownTags: false,
    strict: true,
    // yaml would otherwise print its own warnings (such as for a mapping used as a key) past our output.
    logLevel: 'error',
  });
  // yaml puts an unexpected end of input after the last character; keep it on a line the file has.
  const lastOffset = text.endsWith('\n') ? text.length - 1 : text.length;
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, lastOffset)));
    return { line, column: col };
  };
  const pairs = pairIndex();
  const locate = (path: readonly (string | number)[], at: 'key' | 'value' = 'value') => position(offsetOf(doc, path, at, pairs));
  const findings: Finding[] = [];
  const report = (offset: number, rule: RuleId, message: string) => {
    findings.push({ file, ...position(offset), rule, message, path: '', severity: 'error' });
  };

  // After the first syntax error the parser's further complaints are mostly its consequences.
  const [error] = doc.errors;
  const [warning] = doc.warnings;
  // yaml's composer recurses, and catches the stack overflow of a very deep document.
  if (error?.code === 'RESOURCE_EXHAUSTION') report(error.pos[0], 'resource-limit', tooDeep);
  else if (error) report(error.pos[0], 'yaml-syntax', syntaxMessage(error.message));
  else if (warning) report(warning.pos[0], 'yaml-syntax', syntaxMessage(warning.message));
  const shape = walk(doc);
  for (const duplicate of shape.duplicates) report(duplicate.offset, 'duplicate-key', `duplicate key ${quoted(duplicate.key, 80)}`);
  if (!error && !warning && shape.problem) report(shape.problem.offset, shape.problem.rule, shape.problem.message);
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  if (error || warning || shape.problem) return { findings, locate };
  try {
    // Duplicate keys still give data: the last value wins.
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), findings, locate };
  } catch (error) {
    // The shape is checked, so what is left is yaml's own count of alias expansions.
    const message = error instanceof Error ? error.message : String(error);
    report(firstAliasOffset(doc), 'resource-limit', `too many alias expansions (more than ${MAX_ALIAS_COUNT}): ${message}`);
    return { findings, locate };
  }
}

const tooDeep = `nested more than ${MAX_DEPTH} levels deep (a plan needs a handful)`;

interface Shape {
  /** Values, aliases expanded: a collection counts one, plus what it holds. */
  size: number;
  /** Levels of collections, aliases expanded: a scalar has none. */
  height: number;
}

interface Frame extends Shape {
  node: Node;
  depth: number;
  children: unknown[];
  next: number;
}

interface Walked {
  /** Keys written twice in one mapping, as their data would hold them (so 1 and "1" are one key). */
  duplicates: { offset: number; key: string }[];
  /** Why the data cannot be built or read, if it cannot. */
  problem?: Problem;
}

/**
 * One pass over the document, without recursion so a hostile document cannot exhaust the stack: finds
 * duplicate keys, and checks that the data can be built and read without unbounded work: every alias names
 * an anchor before it and outside itself (no cycle), nothing nests deeper than MAX_DEPTH and the data,
 * aliases expanded, holds at most MAX_VALUES values.
 */
function walk(doc: Document): Walked {
  const { isAlias, isCollection, isMap, isNode, isScalar } = yamlLibrary();
  const duplicates: Walked['duplicates'] = [];
  const anchors = new Map<string, Node>();
  const shapes = new Map<Node, Shape>();
  const open = new Set<Node>();
  const stack: Frame[] = [];
  const at = (node: unknown) => (isNode(node) ? (node.range?.[0] ?? 0) : 0);

  // The shape of a scalar or an alias; a collection is pushed to be walked, and its shape comes when it is left.
  const enter = (node: unknown, depth: number): Shape | Problem | undefined => {
    if (isAlias(node)) {
      const source = anchors.get(node.source);
      if (!source) return { offset: at(node), rule: 'yaml-syntax', message: `alias *${node.source} has no anchor &${node.source} before it` };
      if (open.has(source)) {
        return { offset: at(node), rule: 'yaml-syntax', message: `alias *${node.source} stands inside the node it names: the data would never end` };
      }
      return shapes.get(source) ?? { size: 1, height: 0 };
    }
    if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
    if (!isCollection(node)) return { size: 1, height: 0 };
    if (depth >= MAX_DEPTH) return { offset: at(node), rule: 'resource-limit', message: tooDeep };
    let children: unknown[] = node.items;
    if (isMap(node)) {
      children = node.items.flatMap((pair) => [pair.key, pair.value]);
      const keys = new Set<string>();
      for (const { key } of node.items) {
        if (!isScalar(key)) continue;
        const name = key.value === null ? '' : scalarText(key.value);
        if (keys.has(name)) duplicates.push({ offset: at(key), key: typeof key.source === 'string' ? key.source : name });
        keys.add(name);
      }
    }
    open.add(node);
    stack.push({ node, depth: depth + 1, children, next: 0, size: 1, height: 1 });
    return undefined;
  };
  // Adds a child's shape to the collection that holds it; a problem when that goes past a bound.
  const add = (frame: Frame, child: unknown, shape: Shape): Problem | undefined => {
    frame.size += shape.size;
    frame.height = Math.max(frame.height, shape.height + 1);
    if (frame.depth - 1 + frame.height > MAX_DEPTH) return { offset: at(child), rule: 'resource-limit', message: tooDeep };
    if (frame.size > MAX_VALUES) {
      const how = isAlias(child) ? 'with its aliases expanded, ' : '';
      return { offset: at(child), rule: 'resource-limit', message: `${how}the file holds more than ${MAX_VALUES.toLocaleString('en')} values` };
    }
    return undefined;
  };
  const stop = (problem: Problem): Walked => ({ duplicates, problem });

  const root = enter(doc.contents, 0);
  if (root && 'message' in root) return stop(root);
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      const shape = enter(child, frame.depth);
      if (shape === undefined) continue;
      if ('message' in shape) return stop(shape);
      const problem = add(frame, child, shape);
      if (problem) return stop(problem);
      continue;
    }
    stack.pop();
    open.delete(frame.node);
    const shape = { size: frame.size, height: frame.height };
    if (frame.node.anchor) shapes.set(frame.node, shape);
    const parent = stack.at(-1);
    const problem = parent && add(parent, frame.node, shape);
    if (problem) return stop(problem);
  }
  return { duplicates };
}

function syntaxMessage(message: string): string {
  // yaml appends " at line L, column C" and a code frame; the finding carries the position already.
  const line = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const tag = /^Unresolved tag: (.*)$/.exec(line)?.[1];
  if (tag === undefined) return line;
  return `unknown tag ${tag.replace(/^tag:yaml\.org,2002:/, '!!')}: a plan holds only text, numbers, true and false, null, lists and mappings`;
}

// The start of the deepest node `path` reaches; a missing step stops at its parent.
function offsetOf(doc: Document, path: readonly (string | number)[], at: 'key' | 'value', pairs: PairIndex): number {
  const { isMap, isSeq } = yamlLibrary();
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairs(node).get(String(step));
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

/** A mapping's pairs by key, as its data holds them (the last of duplicates wins). */
type PairIndex = (map: YAMLMap) => ReadonlyMap<string, Pair>;

// Built once per mapping: a file of 100,000 keys can have as many findings, each located by key.
function pairIndex(): PairIndex {
  const { isScalar } = yamlLibrary();
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  return (map) => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) if (isScalar(pair.key)) index.set(String(pair.key.value), pair);
      indexes.set(map, index);
    }
    return index;
  };
}

function rangeStart(node: unknown): number | undefined {
  return node && typeof node === 'object' && 'range' in node ? (node as Node).range?.[0] : undefined;
}

function firstAliasOffset(doc: Document): number {
  const { isAlias, isMap, isSeq } = yamlLibrary();
  let found: number | undefined;
  const stack: unknown[] = [doc.contents];
  while (found === undefined && stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) found = node.range?.[0];
    else if (isMap(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]!.value, node.items[i]!.key);
    else if (isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  return found ?? 0;
}

// A scalar key's value as the text it was compared by: a string as it is, a number or boolean as written.
function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}
