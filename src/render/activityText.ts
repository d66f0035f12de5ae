import type { Activity, Plan } from '../model.js';
import { sanitize } from '../text/sanitize.js';
import { statusText, type Style } from './style.js';

// Prose wider than this is hard to read, however wide the terminal.
const MAX_WIDTH = 100;

/** How `plan show` lays out its text: colours and, on a terminal, the width to wrap at. */
export interface TextOptions {
  style: Style;
  /** The terminal's width: prose and the title wrap to it (at most 100 columns). */
  width?: number;
  /** Every activity of the workspace, so a PLAN/ID (related, continues) is shown with its title, and what continues this one is named. */
  workspace?: readonly Activity[];
}

/**
 * Everything about one activity for a person: area, status, each party's units by full name,
 * other organisations, related activities by title, the activity it continues and those that
 * continue it, source, the full text, actions and history.
 */
export function activityText(activity: Activity, plan: Plan, options: TextOptions): string {
  const { style } = options;
  const width = options.width === undefined ? undefined : Math.min(options.width, MAX_WIDTH);
  const clean = (text: string) => sanitize(text);
  const area = plan.areas.find((candidate) => candidate.id === activity.area);
  const unitNames = (party: string) => new Map((plan.units.get(party) ?? []).map((unit) => [unit.code, unit.name]));
  const titles = new Map([...(options.workspace ?? []).map((other): [string, string] => [`${other.plan}/${other.id}`, other.title]), ...plan.activities.map((other): [string, string] => [other.id, other.title])]);
  const continuedBy = (options.workspace ?? []).filter((other) => other.continues === `${activity.plan}/${activity.id}`).map((other) => `${other.plan}/${other.id}`);

  const codeWidth = Math.max(0, ...Object.values(activity.units).flat().map((code) => code.length));
  const linked = [...(activity.related ?? []), ...(activity.continues === undefined ? [] : [activity.continues]), ...continuedBy];
  const relatedWidth = Math.max(0, ...linked.map((id) => id.length));
  const linkTo = (id: string) => ({ lead: `${clean(id).padEnd(relatedWidth)}  `, text: clean(titles.get(id) ?? '') });
  // Each field is a label and its values; a value may lead with a code its wrapped lines hang under.
  const fields: [string, { lead?: string; text: string }[]][] = [];
  fields.push(['Area', [{ text: area ? `${clean(area.title)} (${clean(area.prefix)})` : clean(activity.area) }]]);
  const since = activity.history.at(-1)?.date;
  fields.push(['Status', [{ text: `${statusText(activity.status, style)}${since ? ` since ${clean(since)}` : ''}` }]]);
  for (const party of plan.parties) {
    const codes = activity.units[party.id];
    if (!codes?.length) continue;
    const names = unitNames(party.id);
    fields.push([clean(party.short_name), codes.map((code) => ({ lead: `${clean(code).padEnd(codeWidth)}  `, text: clean(names.get(code) ?? '') }))]);
  }
  if (activity.with?.length) fields.push(['With', activity.with.map((name) => ({ text: clean(organisationText(plan, name)) }))]);
  if (activity.related?.length) fields.push(['Related', activity.related.map(linkTo)]);
  if (activity.continues !== undefined) fields.push(['Continues', [linkTo(activity.continues)]]);
  if (continuedBy.length) fields.push(['Continued by', continuedBy.map(linkTo)]);
  fields.push(['Source', [{ text: `${clean(activity.source.file)}:${activity.source.line}` }]]);

  const labelWidth = Math.max(...fields.map(([label]) => label.length)) + 2;
  const id = clean(activity.id);
  const lines = [...wrap(clean(activity.title), width, `${id}  `, ' '.repeat(id.length + 2)).map((line) => style.bold(line)), ''];
  for (const [label, values] of fields) {
    values.forEach(({ lead = '', text }, index) => {
      const wrapped = wrap(text, width, `${(index === 0 ? label : '').padEnd(labelWidth)}${lead}`, ' '.repeat(labelWidth + lead.length));
      if (index === 0) wrapped[0] = `${style.dim(label.padEnd(labelWidth))}${wrapped[0]!.slice(labelWidth)}`;
      lines.push(...wrapped);
    });
  }
  lines.push('', ...wrap(sanitize(activity.text, { keepNewlines: true }), width));
  if (activity.actions?.length) {
    lines.push('', style.bold('Actions'));
    for (const action of activity.actions) lines.push(...wrap(clean(action), width, '  - ', '    '));
  }
  lines.push('', style.bold('History'));
  for (const entry of activity.history) {
    const lead = `  ${clean(entry.date)}  `;
    const note = entry.note === undefined ? '' : `  ${clean(entry.note)}`;
    lines.push(...wrap(`${statusText(entry.status, style)}${note}`, width, lead, ' '.repeat(lead.length)));
  }
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}

// An organisation as the plan declares it, with its full name when it has one.
function organisationText(plan: Plan, name: string): string {
  const wanted = name.toLowerCase();
  const organisation = plan.organisations.find((o) => [o.id, o.name, ...(o.aliases ?? [])].some((known) => known.toLowerCase() === wanted));
  if (!organisation) return name;
  return organisation.full_name ? `${organisation.name} (${organisation.full_name})` : organisation.name;
}

// Greedy word wrap of each line of `text` after the prefix `first` (later lines: `rest`), measuring
// without colour codes; a word longer than the width keeps its own line.
function wrap(text: string, width: number | undefined, first = '', rest = first): string[] {
  const out: string[] = [];
  let prefix = first;
  for (const paragraph of text.split('\n')) {
    let line = prefix;
    let length = visibleLength(prefix);
    let empty = true;
    for (const word of paragraph.split(/ +/)) {
      const wordLength = visibleLength(word);
      if (width !== undefined && !empty && length + 1 + wordLength > width) {
        out.push(line);
        line = rest;
        length = visibleLength(rest);
        empty = true;
      }
      line += empty ? word : ` ${word}`;
      length += empty ? wordLength : wordLength + 1;
      empty = false;
    }
    out.push(line);
    prefix = rest;
  }
  return out;
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
