import type { Activity, Plan } from '../model.js';
import type { Block, Cell, DocumentModel, Inline, Signatory } from './model.js';
import { longDate } from './longDate.js';
import { series } from './series.js';

const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
// The official languages of the European Union, by the name a plan gives its signing language.
const LANGUAGES: Record<string, string> = {
  bulgarian: 'bg', croatian: 'hr', czech: 'cs', danish: 'da', dutch: 'nl', english: 'en', estonian: 'et', finnish: 'fi', french: 'fr',
  german: 'de', greek: 'el', hungarian: 'hu', irish: 'ga', italian: 'it', latvian: 'lv', lithuanian: 'lt', maltese: 'mt', polish: 'pl',
  portuguese: 'pt', romanian: 'ro', slovak: 'sk', slovenian: 'sl', spanish: 'es', swedish: 'sv',
};

/**
 * The plan as the document people sign, generated from the data so the two cannot disagree:
 * title, introduction (legal basis, the areas, the caveats), one section per area (a table of
 * each party's implementing units beside the activity's full text with its actions in place, as
 * the signed document lays it out), the signing sentence and the signature block in signed order.
 */
export function planDocument(plan: Plan): DocumentModel {
  const { meta } = plan;
  const parties = plan.parties.map((party) => party.short_name);
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: [meta.title] }];
  if (meta.legal_basis) blocks.push(paragraph(`Legal basis: ${meta.legal_basis.title}, signed on ${longDate(meta.legal_basis.date)}.`));

  const areaList: Block = {
    kind: 'list',
    ordered: true,
    items: plan.areas.map((area, index) => [`${area.title}${index === plan.areas.length - 1 ? '.' : ';'}`]),
  };
  const introduction = meta.introduction ?? [];
  blocks.push({ kind: 'heading', level: 2, text: ['Introduction'], anchor: 'introduction' }, ...withList(introduction, introduction.map(paragraph), plan.areas.length > 0 ? areaList : undefined));
  for (const caveat of meta.caveats ?? []) blocks.push(...paragraphs(caveat).map(paragraph));

  for (const area of plan.areas) {
    const activities = plan.activities.filter((activity) => activity.area === area.id);
    const heading: Block = { kind: 'heading', level: 2, text: [area.title], anchor: area.id };
    blocks.push({ kind: 'section', id: area.id, blocks: [heading, activities.length === 0 ? paragraph('No activities.') : areaTable(activities, plan)] });
  }

  if (meta.signing) blocks.push({ kind: 'heading', level: 2, text: ['Signatures'], anchor: 'signatures' }, signatures(plan));
  return {
    meta: {
      title: meta.title,
      subject: series(parties),
      keywords: ['cooperation plan', ...parties],
      ...(meta.signing && { date: meta.signing.date }),
      language: LANGUAGES[meta.signing?.language?.toLowerCase() ?? ''] ?? 'en',
    },
    blocks,
  };
}

// The area as the signed document lays it out: each party's implementing units, by full name and
// code, beside the activity's heading and text.
function areaTable(activities: readonly Activity[], plan: Plan): Block {
  const names = new Map(plan.parties.map((party) => [party.id, new Map((plan.units.get(party.id) ?? []).map((unit) => [unit.code, unit]))]));
  const unitName = (party: string, code: string) => {
    const unit = names.get(party)?.get(code);
    if (!unit) return code;
    // A code the document does not print was assigned for the data; the document shows the name alone.
    return unit.code_in_source === false ? unit.name : `${unit.name} (${unit.code})`;
  };
  const partyWidth = Math.min(0.22, 0.5 / Math.max(1, plan.parties.length));
  const rows = activities.map((activity): Cell[] => [
    ...plan.parties.map((party): Cell => [(activity.units[party.id] ?? []).map((code) => unitName(party.id, code)).join(';\n') || '–']),
    { blocks: [{ kind: 'heading', level: 3, text: [`${activity.id} ${activity.title}`], anchor: activity.id }, ...activityText(activity)] },
  ]);
  return {
    kind: 'table',
    table: {
      head: [...plan.parties.map((party) => [party.short_name]), ['Activity']],
      rows,
      widths: [...plan.parties.map(() => partyWidth), 1 - partyWidth * plan.parties.length],
    },
  };
}

// The text's paragraphs with the actions as a list after the paragraph that introduces them
// (the first that ends in a colon, as "…a working group that will i.a.:"), else after the text.
function activityText(activity: Activity): Block[] {
  const texts = paragraphs(activity.text);
  const actions = activity.actions ?? [];
  return withList(texts, texts.map(paragraph), actions.length > 0 ? { kind: 'list', items: actions.map((action) => [action]) } : undefined);
}

// Paragraphs with a list placed after the first source paragraph that ends in a colon, else at the end.
function withList(sources: readonly string[], rendered: readonly Block[], list: Block | undefined): Block[] {
  if (!list) return [...rendered];
  const colon = sources.findIndex((source) => source.trimEnd().endsWith(':'));
  const at = colon === -1 ? rendered.length : colon + 1;
  return [...rendered.slice(0, at), list, ...rendered.slice(at)];
}

// A plan string that may hold several paragraphs, separated by blank lines.
function paragraphs(text: string): string[] {
  return text.split(/\n[ \t]*\n/).filter((paragraph) => paragraph.trim() !== '');
}

function paragraph(text: string): Block {
  return { kind: 'paragraph', text: [text] };
}

function signatures(plan: Plan): Block {
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
  const intro: Inline[] = [`${sentence}.`];
  const named = plan.parties.some((party) => party.signatory);
  const signatories = named
    ? plan.parties.map((party): Signatory => ({ party: party.short_name, ...(party.signatory && { name: party.signatory.name, role: party.signatory.role }) }))
    : [];
  return { kind: 'signatures', intro, signatories };
}
