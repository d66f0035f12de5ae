import { FAILSAFE_SCHEMA, load, Type, type State } from 'js-yaml';
import { parseYaml, type ParsedYaml, type Position } from './parseYaml.js';

// js-yaml reads a clean plan file several times faster than yaml 2 builds its Document. It serves
// only where it gives what parseYaml gives: the data of yaml 2's core schema, no finding, and the
// exact position of every activity id and related id (the only positions a valid plan needs).
// Anything beyond the plain subset of YAML that plan files use makes it decline, and the caller
// falls back to parseYaml, whose positions and messages are the reference. The tests hold the two
// side by side on the YAML test suite and on every plan file they have.

// yaml 2's core schema, tag by tag and in its order, so plain scalars resolve to the same values.
// The tags are names no document can write (they hold spaces), so an explicit tag is never one of them.
// Each is tried on every plain scalar: its first characters rule most out before the pattern runs.
const implicit = (name: string, first: string, test: RegExp, construct: (source: string) => unknown) =>
  new Type(`implicit ${name}`, { kind: 'scalar', resolve: (source: string) => first.includes(source.charAt(0)) && test.test(source), construct });
const DIGITS = '0123456789';

const IMPLICIT_PREFIX = 'implicit ';

const schema = FAILSAFE_SCHEMA.extend({
  implicit: [
    implicit('null', '~nN', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    implicit('bool', 'tTfF', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (source) => source[0] === 't' || source[0] === 'T'),
    implicit('oct', '0', /^0o[0-7]+$/, (source) => parseInt(source.substring(2), 8)),
    implicit('int', `+-${DIGITS}`, /^[-+]?[0-9]+$/, (source) => parseInt(source, 10)),
    implicit('hex', '0', /^0x[0-9a-fA-F]+$/, (source) => parseInt(source.substring(2), 16)),
    implicit('nan', '+-.', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (source) =>
      source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
    ),
    implicit('exp', `+-.${DIGITS}`, /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (source) => parseFloat(source)),
    implicit('float', `+-.${DIGITS}`, /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (source) => parseFloat(source)),
  ],
});

// Text the fast path leaves to yaml 2: tabs, a lone CR, a byte-order mark, directives and document
// markers, a comment glued to a token, a block scalar opening with a blank line.
const UNSUPPORTED_TEXT = /\t|\r(?!\n)|^\uFEFF|^(?:%|---|\.\.\.)|["'\]},[{]#|[|>][-+0-9]*[ ]*(?:#[^\r\n]*)?\r?\n[ ]*\r?\n/m;

// Where activities stand in an area file: the root mapping is at depth 1, `activities` at 2,
// each activity at 3, its keys and values at 4, the items of its lists at 5.
const ACTIVITY_DEPTH = 3;
const LONG_KEY = 1000;

interface Listening {
  declined: boolean;
  /** Where each open node starts being read, by depth: offset, line (from 0) and the offset of that line. */
  open: number[];
  openLine: number[];
  openLineStart: number[];
  /** In the open activity: how many keys and values have closed, and where its id's value starts being read. */
  activity: number[];
  /** In the open related list: where each item starts being read, three numbers each as in `open`. */
  items: number[] | undefined;
  /** What the last key or value closed in the open activity read: after the key `related` comes its list. */
  previous: unknown;
  /** For each activity mapping, `activity` as it closed; for each related list, its `items`. */
  starts: Map<object, number[]>;
  /** Whether the text has a question mark at all, which an explicit key needs. */
  questionMarks: boolean;
}

/** The fast reading of a plan file: js-yaml, with yaml 2 for positions it did not record; undefined when it declines. */
export function parseYamlFast(text: string, file: string): ParsedYaml | undefined {
  if (UNSUPPORTED_TEXT.test(text)) return undefined;
  const listening: Listening = {
    declined: false,
    open: [],
    openLine: [],
    openLineStart: [],
    activity: [],
    items: undefined,
    previous: undefined,
    starts: new Map(),
    questionMarks: text.includes('?'),
  };
  let data: unknown;
  try {
    data = load(text, {
      schema,
      listener: (event, state) => listen(listening, text, event, state as State & Extra),
      onWarning: () => {
        listening.declined = true;
      },
    });
  } catch {
    return undefined;
  }
  // An empty document is undefined to js-yaml and null to yaml 2.
  if (listening.declined || data === undefined) return undefined;

  const recorded = recordedPositions(data, text, listening.starts);
  let full: ParsedYaml | undefined;
  const locate = (path: readonly (string | number)[], at: 'key' | 'value' = 'value'): Position => {
    const [first, index, field, item] = path;
    if (at === 'value' && first === 'activities' && typeof index === 'number') {
      const position =
        path.length === 3 && field === 'id'
          ? recorded.ids[index]
          : path.length === 4 && field === 'related' && typeof item === 'number'
            ? recorded.related[index]?.[item]
            : undefined;
      if (position) return position;
    }
    full ??= parseYaml(text, file);
    return full.locate(path, at);
  };
  return { data, findings: [], locate };
}

// js-yaml's parser state as the listener sees it; the typings leave these out.
interface Extra {
  depth: number;
  tag: string | null;
  anchor: string | null;
}

function listen(listening: Listening, text: string, event: 'open' | 'close', state: State & Extra): void {
  const depth = state.depth;
  // A tag or anchor anywhere, even one js-yaml loses when it reads on into a nested node.
  if (state.anchor != null || isExplicit(state.tag)) listening.declined = true;
  if (event === 'open') {
    listening.open[depth] = state.position;
    listening.openLine[depth] = state.line;
    listening.openLineStart[depth] = state.lineStart;
    if (depth === ACTIVITY_DEPTH) listening.activity = [0, -1, 0, 0];
    else if (depth === ACTIVITY_DEPTH + 1) listening.items = listening.previous === 'related' && listening.activity[0]! % 2 === 1 ? [] : undefined;
    // An explicit key (`? key`): its node opens right after the indicator.
    if (text.charCodeAt(state.position - 1) === 0x3f) listening.declined = true;
    return;
  }
  if (listening.declined) return;
  const kind = state.kind;
  const result: unknown = state.result;
  const opened = listening.open[depth]!;
  if (kind === 'mapping' || kind === 'sequence') {
    // A flow collection ends right after its bracket; only a flow collection can be an implicit key.
    const end = text.charCodeAt(state.position - 1);
    const flow = end === 0x5d || end === 0x7d;
    if (flow && (followedByColon(text, state.position, true) || (listening.questionMarks && hasQuestionMark(text, opened, state.position)))) {
      listening.declined = true; // a collection as a key, or an explicit key in a flow collection
      return;
    }
    // js-yaml names a null key "null", yaml 2 "": in a mapping, or in a flow sequence's one-pair mappings.
    if (kind === 'mapping' ? hasNullKey(result) : flow && (result as unknown[]).some(hasNullKey)) {
      listening.declined = true;
      return;
    }
  } else if (state.position - opened > LONG_KEY && followedByColon(text, state.position, false)) {
    listening.declined = true; // yaml 2 allows at most 1024 characters before an implicit key's colon
    return;
  }
  if (depth === ACTIVITY_DEPTH) {
    if (kind === 'mapping') listening.starts.set(result as object, listening.activity);
  } else if (depth === ACTIVITY_DEPTH + 1) {
    // Keys and values close in turn: a value closes at an odd count, the id's right after the key `id`.
    const activity = listening.activity;
    if (activity[0]! % 2 === 1 && listening.previous === 'id') {
      activity[1] = opened;
      activity[2] = listening.openLine[depth]!;
      activity[3] = listening.openLineStart[depth]!;
    }
    if (kind === 'sequence' && listening.items) listening.starts.set(result as object, listening.items);
    activity[0]!++;
    listening.previous = result;
  } else if (depth === ACTIVITY_DEPTH + 2) {
    listening.items?.push(opened, listening.openLine[depth]!, listening.openLineStart[depth]!);
  }
}

function hasNullKey(value: unknown): boolean {
  return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'null');
}

function isExplicit(tag: string | null | undefined): boolean {
  return tag != null && tag !== '?' && !tag.startsWith(IMPLICIT_PREFIX);
}

// Whether the next token after `from` is a colon: on the same line, or (across lines and comments) anywhere.
function followedByColon(text: string, from: number, acrossLines: boolean): boolean {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20) i++;
    else if (acrossLines && (c === 0x0a || c === 0x0d)) i++;
    else if (acrossLines && c === 0x23) while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    else return c === 0x3a;
  }
}

function hasQuestionMark(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x3f) return true;
  return false;
}

interface Recorded {
  /** By activity index, the position of its id. */
  ids: (Position | undefined)[];
  /** By activity index, the positions of its related ids. */
  related: (Position | undefined)[][];
}

// The positions of activities[i].id and activities[i].related[j], where the text at the recorded
// start is that very scalar; any other is left to yaml 2.
function recordedPositions(data: unknown, text: string, starts: Map<object, number[]>): Recorded {
  const recorded: Recorded = { ids: [], related: [] };
  const activities = data && typeof data === 'object' ? (data as { activities?: unknown }).activities : undefined;
  if (!Array.isArray(activities)) return recorded;
  for (let index = 0; index < activities.length; index++) {
    const activity: unknown = activities[index];
    if (!activity || typeof activity !== 'object') continue;
    const read = starts.get(activity);
    // Every key read with a value: else the count of keys and values says nothing about which is which.
    if (!read || read[0] !== Object.keys(activity).length * 2) continue;
    const { id, related } = activity as { id?: unknown; related?: unknown };
    if (typeof id === 'string' && read[1] !== -1) recorded.ids[index] = scalarPosition(text, read, 1, id);
    const items = Array.isArray(related) ? starts.get(related) : undefined;
    if (!items || items.length !== (related as unknown[]).length * 3) continue;
    recorded.related[index] = (related as unknown[]).map((target, i) => (typeof target === 'string' ? scalarPosition(text, items, i * 3, target) : undefined));
  }
  return recorded;
}

// Where a recorded node begins (its read position at `read[at]`, line and line start after it),
// past the spaces, line breaks and comments before it, provided the text there is `value` as a one-line scalar.
function scalarPosition(text: string, read: number[], at: number, value: string): Position | undefined {
  let i = read[at]!;
  let line = read[at + 1]!;
  let lineStart = read[at + 2]!;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0d) i++;
    else if (c === 0x0a) {
      lineStart = ++i;
      line++;
    }
    else if (c === 0x23) while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    else break;
  }
  return scalarAt(text, i, value) ? { line: line + 1, column: i - lineStart + 1 } : undefined;
}

// Whether the text at `start` is `value` written as a one-line plain or quoted scalar.
function scalarAt(text: string, start: number, value: string): boolean {
  const quote = text[start];
  if (quote === '"' || quote === "'") return text.startsWith(value, start + 1) && text[start + 1 + value.length] === quote;
  if (!text.startsWith(value, start)) return false;
  const after = text.charCodeAt(start + value.length);
  return Number.isNaN(after) || after === 0x20 || after === 0x0a || after === 0x0d || after === 0x2c || after === 0x5d || after === 0x7d;
}
