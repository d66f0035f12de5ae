import { isDeepStrictEqual } from 'node:util';
import { isAlias, isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Status } from '../model.js';
import { UNSAFE_CHARACTER } from '../text/sanitize.js';

/** One status change, as `plan set-status` asks for it. */
export interface StatusChange {
  id: string;
  status: Status;
  /** YYYY-MM-DD: the day of the change. */
  date: string;
  /** Why the status changed; kept in the history entry. */
  note?: string;
  /** Reopen a completed or cancelled activity. */
  force?: boolean;
}

/**
 * The edited text; or why there is none: the same status again (`unchanged`), a request the
 * activity's state forbids (`refused`: a usage error), a file laid out so it cannot be edited safely (`unsupported`).
 */
export type SetStatusResult =
  | { kind: 'edited'; text: string; from: Status }
  | { kind: 'unchanged'; status: Status }
  | { kind: 'refused'; reason: string }
  | { kind: 'unsupported'; reason: string };

const CLOSED: readonly string[] = ['completed', 'cancelled'];

/**
 * Sets an activity's status and appends `{date, status, note}` to its history by splicing text
 * at positions the parsed document gives, so every other byte of the file (comments, quoting,
 * folded text, blank lines, line endings) stays as it was. Re-serialising the document would not.
 */
export function setStatus(text: string, change: StatusChange): SetStatusResult {
  return appendEntry(text, change, 'status');
}

/** A progress note: what `plan note` asks for. */
export interface NoteEntry {
  id: string;
  /** YYYY-MM-DD: the day of the note. */
  date: string;
  note: string;
}

/**
 * Appends `{date, status, note}` with the activity's current status to its history, by the same
 * splice as setStatus: the status stays, and so does every other byte of the file.
 */
export function addNote(text: string, entry: NoteEntry): SetStatusResult {
  return appendEntry(text, { ...entry, status: 'planned' }, 'note');
}

// setStatus and addNote: a new status (`status`), or the current one again with a note (`note`, whose change.status is ignored).
function appendEntry(text: string, requested: StatusChange, kind: 'status' | 'note'): SetStatusResult {
  const doc = parse(text);
  if (doc.errors.length > 0) return { kind: 'unsupported', reason: 'the file does not parse as YAML' };
  const found = findActivity(doc, requested.id);
  if (!found) return { kind: 'refused', reason: `no activity ${requested.id} in this file` };
  const { activity, index } = found;

  const statusNode = activity.get('status', true);
  if (!isScalar(statusNode) || !statusNode.range) return { kind: 'unsupported', reason: `${requested.id} has no status written as a plain value` };
  const from = String(statusNode.value) as Status;
  const change = kind === 'note' ? { ...requested, status: from } : requested;
  const history = resolve(doc, activity.get('history', true));
  if (!isSeq(history) || !history.range) return { kind: 'unsupported', reason: `${change.id} has no history list` };
  const last = history.items.at(-1);
  const lastDate = isMap(last) ? last.get('date', true) : undefined;

  if (kind === 'status') {
    if (from === change.status) return { kind: 'unchanged', status: from };
    if (CLOSED.includes(from) && !change.force) {
      return { kind: 'refused', reason: `${change.id} is ${from}; reopening it as ${change.status} needs --force` };
    }
  }
  if (isScalar(lastDate) && String(lastDate.value) > change.date) {
    return { kind: 'refused', reason: `${change.date} is before the last history entry of ${change.id} (${String(lastDate.value)}); history is oldest first` };
  }

  const entry: [string, string][] = [
    ['date', quoteLike(isScalar(lastDate) ? lastDate : undefined, change.date)],
    ['status', change.status],
  ];
  const append = history.flow ? flowAppend(text, history, entry, change.note) : blockAppend(text, history, entry, change.note);
  if (!append) return { kind: 'unsupported', reason: `the history of ${change.id} is laid out in a way plan cannot extend` };
  const [statusStart, statusEnd] = statusNode.range;
  const edits = kind === 'status' ? [append, { at: statusStart, end: statusEnd, text: quoteLike(statusNode, change.status) }] : [append];
  const edited = splice(text, edits);

  // The splice must mean exactly the change: the data read back equals the old data with it applied.
  const expected = data(text) as { activities?: { status?: string; history?: object[] }[] } | undefined;
  const target = expected?.activities?.[index];
  if (!target || !Array.isArray(target.history)) return { kind: 'unsupported', reason: `${change.id} cannot be read back` };
  target.status = change.status;
  target.history.push({ date: change.date, status: change.status, ...(change.note === undefined ? {} : { note: change.note }) });
  if (!isDeepStrictEqual(data(edited), expected)) {
    return { kind: 'unsupported', reason: `the history of ${change.id} is laid out in a way plan cannot extend` };
  }
  return { kind: 'edited', text: edited, from };
}

function parse(text: string): Document {
  return parseDocument(text, { schema: 'core', uniqueKeys: true });
}

// The data a text holds, or undefined when it does not parse.
function data(text: string): unknown {
  const doc = parse(text);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  try {
    return doc.toJS();
  } catch {
    return undefined; // an alias without its anchor
  }
}

interface Edit {
  at: number;
  end: number;
  text: string;
}

// Later edits first, so earlier offsets stay valid.
function splice(text: string, edits: Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) result = result.slice(0, edit.at) + edit.text + result.slice(edit.end);
  return result;
}

function findActivity(doc: Document, id: string): { activity: YAMLMap; index: number } | undefined {
  const activities = resolve(doc, isMap(doc.contents) ? doc.contents.get('activities', true) : undefined);
  if (!isSeq(activities)) return undefined;
  for (const [index, item] of activities.items.entries()) {
    const activity = resolve(doc, item);
    if (!isMap(activity)) continue;
    const idNode = activity.get('id', true);
    if (isScalar(idNode) && String(idNode.value) === id) return { activity, index };
  }
  return undefined;
}

function resolve(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

// A new value written with the quotes of the one it follows, so the file keeps one style.
function quoteLike(model: Scalar | undefined, value: string): string {
  if (model?.type === Scalar.QUOTE_DOUBLE) return `"${value}"`;
  if (model?.type === Scalar.QUOTE_SINGLE) return `'${value}'`;
  return value;
}

// A block list: the new entry goes on the lines after the last one, indented as it is.
function blockAppend(text: string, history: YAMLSeq, entry: [string, string][], note: string | undefined): Edit | undefined {
  const last = history.items.at(-1) as Node | undefined;
  if (!last?.range) return undefined;
  const itemStart = last.range[0];
  const lineStart = text.lastIndexOf('\n', itemStart - 1) + 1;
  const prefix = /^([ \t]*)-([ \t]+)$/.exec(text.slice(lineStart, itemStart));
  if (!prefix) return undefined;
  const [, indent, gap] = prefix as unknown as [string, string, string];
  const flowItem = isMap(last) && last.flow;
  const fields = withNote(entry, note, flowItem === true);
  let lines: string[];
  if (flowItem) {
    lines = [`${indent}-${gap}${flowMap(text, last, fields)}`];
  } else if (isMap(last)) {
    const pad = ' '.repeat(itemStart - lineStart);
    lines = fields.map(([key, value], index) => `${index === 0 ? `${indent}-${gap}` : pad}${key}: ${value}`);
  } else {
    return undefined;
  }
  const newline = text.indexOf('\n', Math.max(last.range[1] - 1, itemStart));
  if (newline === -1) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    return { at: text.length, end: text.length, text: eol + lines.join(eol) };
  }
  const eol = text[newline - 1] === '\r' ? '\r\n' : '\n';
  return { at: newline + 1, end: newline + 1, text: lines.join(eol) + eol };
}

// A flow list, `[{...}, {...}]`: the new entry follows the last, on its own line when the entries are on theirs.
function flowAppend(text: string, history: YAMLSeq, entry: [string, string][], note: string | undefined): Edit | undefined {
  const fields = withNote(entry, note, true);
  const last = history.items.at(-1) as Node | undefined;
  if (last === undefined) {
    const open = history.range![0] + 1;
    return { at: open, end: open, text: flowMap(text, undefined, fields) };
  }
  if (!last.range) return undefined;
  const between = text.slice(history.range![0], last.range[0]);
  const newline = between.lastIndexOf('\n');
  let separator = ', ';
  if (newline !== -1) {
    const eol = between[newline - 1] === '\r' ? '\r\n' : '\n';
    separator = `,${eol}${/^[ \t]*/.exec(between.slice(newline + 1))![0]}`;
  }
  return { at: last.range[1], end: last.range[1], text: separator + flowMap(text, isMap(last) ? last : undefined, fields) };
}

function withNote(entry: [string, string][], note: string | undefined, flow: boolean): [string, string][] {
  return note === undefined ? entry : [...entry, ['note', scalar(note, flow)]];
}

// `{date: ..., status: ...}`, with the inner spaces of the entry before it.
function flowMap(text: string, model: Node | undefined, fields: [string, string][]): string {
  const padded = model?.range ? text[model.range[0] + 1] === ' ' : false;
  const body = fields.map(([key, value]) => `${key}: ${value}`).join(', ');
  return padded ? `{ ${body} }` : `{${body}}`;
}

// What a note cannot hold raw: noncharacters, and every character no output shows raw (a bidirectional
// override or a zero-width space in the file would mislead whoever reviews the change).
const NOT_RAW = new RegExp(`[\\ufffe\\uffff]|${UNSAFE_CHARACTER.source}`, 'u');
// What a double-quoted scalar escapes.
const NEEDS_ESCAPE = new RegExp(`[\\\\"]|${NOT_RAW.source}`, 'gu');

// A string as a YAML scalar: plain when it reads back as the same string in that place, else double-quoted.
function scalar(value: string, flow: boolean): string {
  if (value !== '' && !NOT_RAW.test(value)) {
    if (isDeepStrictEqual(data(flow ? `{key: ${value}}` : `key: ${value}`), { key: value })) return value;
  }
  return doubleQuoted(value);
}

function doubleQuoted(value: string): string {
  const escaped = value.replace(NEEDS_ESCAPE, (char) => {
    switch (char) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\t':
        return '\\t';
      default: {
        const code = char.codePointAt(0)!;
        return code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
      }
    }
  });
  return `"${escaped}"`;
}
