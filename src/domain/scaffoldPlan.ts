/** One file of a new plan: its name inside the plan folder and its text. */
export interface ScaffoldFile {
  name: string;
  text: string;
}

/**
 * The files of a new, empty plan that validates: two parties to rename, no units or activities
 * yet (commented examples show their shape), one area. `schemas` is the path from the plan folder
 * to the schemas folder, as the editor modelines name it; `today` dates the example history entry.
 */
export function scaffoldPlan(schemas: string, today: string): ScaffoldFile[] {
  const modeline = (kind: string) => `# yaml-language-server: $schema=${schemas}/${kind}.schema.json\n`;
  return [
    {
      name: 'plan.yaml',
      text: `${modeline('plan')}# The plan: its title, the parties that sign it, other organisations activities may
# involve, and its areas in order (each area is a file <area-id>.yaml in this folder).
title: Cooperation plan between Party A and Party B
parties:
  - id: party-a
    name: Party A
    short_name: A
  - id: party-b
    name: Party B
    short_name: B
organisations: []
# organisations:
#   - id: europol
#     name: Europol
areas:
  - operational-cooperation
`,
    },
    {
      name: 'units.yaml',
      text: `${modeline('units')}# Each party's organisational units; activities name them by code.
units:
  party-a: []
  party-b: []
# For example:
#   party-a:
#     - code: RAU
#       name: Risk Analysis Unit
#       kind: unit
`,
    },
    {
      name: 'operational-cooperation.yaml',
      text: `${modeline('area')}# One area of the plan. Rename it freely: the file name, id and plan.yaml's areas must agree.
id: operational-cooperation
title: Operational cooperation
prefix: OC
activities: []
# activities:
#   - id: OC-1
#     title: Joint operations
#     status: planned
#     units:
#       party-a: [RAU]
#       party-b: [OPS]
#     text: The parties will cooperate in joint operations.
#     history:
#       - date: ${today}
#         status: planned
`,
    },
  ];
}
