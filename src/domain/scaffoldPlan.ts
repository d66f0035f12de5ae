import { isSeq, parseDocument, type Node } from 'yaml';

/** One file of a new workspace or plan: its path inside the workspace (with `/`) and its text. */
export interface ScaffoldFile {
  name: string;
  text: string;
}

/** An area a new plan starts with, and the activities it carries over from the plan it follows. */
export interface ScaffoldArea {
  id: string;
  title: string;
  prefix: string;
  carried?: readonly CarriedActivity[];
}

/** An open activity of the plan a new one follows, carried over to be edited: `continues` points back at it. */
export interface CarriedActivity {
  title: string;
  /** The new plan's party ids to unit codes. */
  units: Readonly<Record<string, readonly string[]>>;
  with?: readonly string[];
  text: string;
  actions?: readonly string[];
  /** PLAN/ID of the activity it carries on. */
  continues: string;
}

/** What a new plan is made of. */
export interface PlanScaffold {
  id: string;
  /** The party ids, in order: each organisation's current id. */
  parties: readonly string[];
  /** The parties' names for the title, in the same order. */
  names: readonly string[];
  /** The plan this one follows and replaces, if any. */
  supersedes?: string;
  areas: readonly ScaffoldArea[];
}

/** Where the schemas are from a file's folder, as its editor modeline names them: `schemas(depth)`, depth 0 the workspace root. */
export type SchemasPath = (depth: number) => string;

/** The area a plan starts with when it follows no other. */
export const FIRST_AREA: ScaffoldArea = { id: 'operational-cooperation', title: 'Operational cooperation', prefix: 'OC' };

const modeline = (schemas: string, kind: string) => `# yaml-language-server: $schema=${schemas}/${kind}.schema.json\n`;

/** A name for an organisation known only by its id, to rename: `party-a` gives "Party A". */
export function nameFromId(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** workspace.yaml of a new workspace holding the one plan `planId`. */
export function workspaceFile(planId: string, schemas: SchemasPath): ScaffoldFile {
  return {
    name: 'workspace.yaml',
    text: `${modeline(schemas(0), 'workspace')}# The workspace: its plans in order (each a folder beside this file), and the time zone
# whose calendar gives "today" for every date rule and default (an IANA zone, e.g. Europe/Warsaw).
plans:
  - ${planId}
timezone: UTC
`,
  };
}

/** organisations/<id>.yaml of an organisation the workspace does not know yet. */
export function organisationFile(id: string, schemas: SchemasPath): ScaffoldFile {
  const name = nameFromId(id);
  return {
    name: `organisations/${id}.yaml`,
    text: `${modeline(schemas(1), 'organisation')}# One organisation: its id (the file name), its names and its units; activities name units by code.
id: ${id}
name: ${name}
short_name: ${name}
units: []
# units:
#   - code: RAU
#     name: Risk Analysis Unit
#     kind: unit
`,
  };
}

/** The files of a new plan that validates: plan.yaml and one file per area, no activities yet (commented examples show their shape). */
export function planFiles(plan: PlanScaffold, schemas: SchemasPath, today: string): ScaffoldFile[] {
  const title = `Cooperation plan between ${[plan.names.slice(0, -1).join(', '), plan.names.at(-1)].filter(Boolean).join(' and ')}`;
  const files: ScaffoldFile[] = [
    {
      name: `${plan.id}/plan.yaml`,
      text: `${modeline(schemas(1), 'plan')}# The plan: its title, the parties that sign it (organisations/<id>.yaml), and its areas in
# order (each area is a file <area-id>.yaml in this folder).
title: ${title}
parties:
${plan.parties.map((party) => `  - organisation: ${party}\n`).join('')}${plan.supersedes === undefined ? '' : `supersedes: ${plan.supersedes}\n`}areas:
${plan.areas.map((area) => `  - ${area.id}\n`).join('')}`,
    },
  ];
  const [first, second] = plan.parties;
  for (const area of plan.areas) {
    if (area.carried?.length) {
      files.push({ name: `${plan.id}/${area.id}.yaml`, text: carriedArea(area, area.carried, schemas(1), today) });
      continue;
    }
    files.push({
      name: `${plan.id}/${area.id}.yaml`,
      text: `${modeline(schemas(1), 'area')}# One area of the plan. Rename it freely: the file name, id and plan.yaml's areas must agree.
id: ${area.id}
title: ${JSON.stringify(area.title)}
prefix: ${area.prefix}
activities: []
# activities:
#   - id: ${area.prefix}-1
#     title: Joint operations
#     status: planned
#     units:
#       ${first}: [RAU]
${second === undefined ? '' : `#       ${second}: [OPS]\n`}#     text: The parties will cooperate in joint operations.
#     history:
#       - date: ${today}
#         status: planned
`,
    });
  }
  return files;
}

// An area file holding the activities carried over, numbered afresh in the area, each planned from `today`.
function carriedArea(area: ScaffoldArea, carried: readonly CarriedActivity[], schemas: string, today: string): string {
  const quote = (text: string) => JSON.stringify(text);
  const list = (items: readonly string[]) => `[${items.map(quote).join(', ')}]`;
  const lines = [
    `${modeline(schemas, 'area').trimEnd()}`,
    '# Carried over from the plan this one follows: every activity that was still open, to edit or remove.',
    `id: ${area.id}`,
    `title: ${quote(area.title)}`,
    `prefix: ${area.prefix}`,
    'activities:',
  ];
  carried.forEach((activity, index) => {
    lines.push(`  - id: ${area.prefix}-${index + 1}`, `    title: ${quote(activity.title)}`, '    status: planned', '    units:');
    for (const [party, codes] of Object.entries(activity.units)) lines.push(`      ${party}: ${list(codes)}`);
    if (activity.with?.length) lines.push(`    with: ${list(activity.with)}`);
    lines.push(`    text: ${quote(activity.text)}`);
    if (activity.actions?.length) lines.push('    actions:', ...activity.actions.map((action) => `      - ${quote(action)}`));
    lines.push(`    continues: ${activity.continues}`, '    history:', `      - date: ${today}`, '        status: planned');
  });
  return `${lines.join('\n')}\n`;
}

/**
 * `text` (a workspace.yaml whose plans list is valid) with `id` added at the end of its plans,
 * every other byte as it was; undefined when the list is not laid out in a way this can extend.
 */
export function addPlanId(text: string, id: string): string | undefined {
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  const body = text.slice(bom.length);
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(body, { schema: 'core', uniqueKeys: true });
  const plans = doc.get('plans', true) as Node | undefined;
  if (doc.errors.length > 0 || !isSeq(plans) || !plans.range) return undefined;
  let edited: string;
  if (plans.flow) {
    const last = plans.items.at(-1) as Node | undefined;
    if (last?.range) {
      edited = `${body.slice(0, last.range[1])}, ${id}${body.slice(last.range[1])}`;
    } else {
      const open = body.indexOf('[', plans.range[0]);
      if (open === -1) return undefined;
      edited = `${body.slice(0, open + 1)}${id}${body.slice(open + 1)}`;
    }
  } else {
    const last = plans.items.at(-1) as Node | undefined;
    if (!last?.range) return undefined;
    const lineStart = body.lastIndexOf('\n', last.range[0]) + 1;
    const dash = body.slice(lineStart, last.range[0]).match(/^(\s*)-\s*$/);
    if (!dash) return undefined;
    const lineEnd = body.indexOf('\n', last.range[1]);
    const item = `${dash[1]}- ${id}`;
    edited = lineEnd === -1 ? `${body}${eol}${item}${eol}` : `${body.slice(0, lineEnd + 1)}${item}${eol}${body.slice(lineEnd + 1)}`;
  }
  const check = parseDocument(edited, { schema: 'core', uniqueKeys: true });
  const before = (doc.toJS() as { plans: unknown[] }).plans;
  const after = check.errors.length > 0 ? undefined : (check.toJS() as { plans?: unknown[] } | null)?.plans;
  if (JSON.stringify(after) !== JSON.stringify([...before, id])) return undefined;
  return `${bom}${edited}`;
}
