import type { Activity, Plan } from '../model.js';
import { escapeMarkdown, LINT_SETTINGS, markdownParagraph, markdownTable } from './markdown.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/**
 * The plan as the document people sign, generated from the data so the two cannot disagree:
 * title, introduction (legal basis, the areas, the caveats), one section per area (a table of
 * the parties' implementing units, then each activity's full text with its actions as a list),
 * and the signature block. Every string from the plan is escaped; the same plan gives the same bytes.
 */
export function planDocument(plan: Plan): string {
  const { meta } = plan;
  const blocks: string[] = [`# ${escapeMarkdown(meta.title, 'line')}`];
  if (meta.legal_basis) blocks.push(markdownParagraph(`Legal basis: ${meta.legal_basis.title}, signed on ${longDate(meta.legal_basis.date)}.`));

  const areaList = plan.areas.map((area, index) => `${index + 1}. ${escapeMarkdown(area.title, 'line')}${index === plan.areas.length - 1 ? '.' : ';'}`).join('\n');
  const introduction = (meta.introduction ?? []).map((paragraph) => paragraphs(paragraph));
  blocks.push('## Introduction', ...withList(meta.introduction ?? [], introduction, areaList));
  for (const caveat of meta.caveats ?? []) blocks.push(paragraphs(caveat));

  for (const area of plan.areas) {
    const activities = plan.activities.filter((activity) => activity.area === area.id);
    blocks.push(`## ${escapeMarkdown(area.title, 'line')}`);
    if (activities.length === 0) {
      blocks.push('No activities.');
      continue;
    }
    blocks.push(unitsTable(activities, plan));
    for (const activity of activities) blocks.push(`### ${escapeMarkdown(`${activity.id} ${activity.title}`, 'line')}`, ...activityText(activity));
  }

  if (meta.signing) blocks.push('## Signatures', ...signatures(plan));
  blocks.push(LINT_SETTINGS);
  return `${blocks.map((block) => block.trimEnd()).join('\n\n')}\n`;
}

// The area's activities against each party's implementing units, by name, as the signed document lists them.
function unitsTable(activities: readonly Activity[], plan: Plan): string {
  const names = new Map(plan.parties.map((party) => [party.id, new Map((plan.units.get(party.id) ?? []).map((unit) => [unit.code, unit]))]));
  const unitName = (party: string, code: string) => {
    const unit = names.get(party)?.get(code);
    if (!unit) return code;
    // A code the document does not print was assigned for the data; the document shows the name alone.
    return unit.code_in_source === false ? unit.name : `${unit.name} (${unit.code})`;
  };
  const head = ['Activity', ...plan.parties.map((party) => escapeMarkdown(party.short_name, 'line'))];
  const rows = activities.map((activity) => [
    escapeMarkdown(`${activity.id} ${activity.title}`, 'line'),
    ...plan.parties.map((party) => escapeMarkdown((activity.units[party.id] ?? []).map((code) => unitName(party.id, code)).join('; '), 'line') || '–'),
  ]);
  return markdownTable(head, rows);
}

// The text's paragraphs with the actions as a list after the paragraph that introduces them
// (the first that ends in a colon, as "…a working group that will i.a.:"), else after the text.
function activityText(activity: Activity): string[] {
  const texts = activity.text.split(/\n[ \t]*\n/).filter((paragraph) => paragraph.trim() !== '');
  const actions = (activity.actions ?? []).map((action) => markdownParagraph(action, { prefix: '- ' })).join('\n');
  return withList(texts, texts.map((text) => markdownParagraph(text)), actions);
}

// Rendered paragraphs with a list placed after the first source paragraph that ends in a colon, else at the end.
function withList(sources: readonly string[], rendered: readonly string[], list: string): string[] {
  if (list === '') return [...rendered];
  const colon = sources.findIndex((source) => source.trimEnd().endsWith(':'));
  const at = colon === -1 ? rendered.length : colon + 1;
  return [...rendered.slice(0, at), list, ...rendered.slice(at)];
}

// A plan string that may hold several paragraphs, separated by blank lines.
function paragraphs(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => markdownParagraph(paragraph))
    .join('\n\n');
}

function signatures(plan: Plan): string[] {
  const signing = plan.meta.signing!;
  const holders = new Map<string, string>([
    ...plan.organisations.map((organisation) => [organisation.id, organisation.name] as const),
    ...plan.parties.map((party) => [party.id, party.short_name] as const),
  ]);
  const copies = signing.copies ?? [];
  let sentence = `Signed in ${signing.place}, on ${longDate(signing.date)}`;
  if (copies.length > 0) {
    sentence += `, in ${NUMBERS[copies.length] ?? copies.length} ${copies.length === 1 ? 'copy' : 'copies'}`;
    if (signing.language) sentence += ` in the ${signing.language} language`;
    sentence += `, ${series(copies.map((copy) => `one for ${holders.get(copy) ?? copy}`))}`;
  } else if (signing.language) {
    sentence += `, in the ${signing.language} language`;
  }
  const blocks = [markdownParagraph(`${sentence}.`)];
  if (plan.parties.some((party) => party.signatory)) {
    const head = plan.parties.map((party) => escapeMarkdown(`For ${party.short_name}`, 'line'));
    const role = plan.parties.map((party) => (party.signatory ? escapeMarkdown(party.signatory.role, 'line') : '–'));
    const name = plan.parties.map((party) => (party.signatory ? escapeMarkdown(party.signatory.name, 'line') : '–'));
    blocks.push(markdownTable(head, [role, name]));
  }
  return blocks;
}

// "a, b and c"
function series(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

// 2019-07-18 as "18 July 2019", as the document prints dates, whatever the machine's locale.
function longDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
