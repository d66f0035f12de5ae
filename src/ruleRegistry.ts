import type { Severity } from './model.js';

/** What a validation rule is, for people: SARIF's rule metadata, the README's rule table, `plan validate`'s help. */
export interface RuleInfo {
  /** One line: what the rule finds. */
  description: string;
  /** What to do about it, with an example of the fix. */
  help: string;
  /** The severity its findings carry unless `--strict` makes warnings errors. */
  severity: Severity;
}

/**
 * Every rule `plan validate` can report, by id: the one place a rule is named and explained.
 * A finding's `rule` is typed as one of these ids, so a rule the code emits cannot be missing here.
 */
export const RULES = {
  'yaml-syntax': {
    description: 'The file is not valid YAML.',
    help: 'Fix the YAML at the line shown: an unquoted value holding ": " needs quotes (title: "Risk: analysis"), a merge conflict left markers (<<<<<<<) to resolve.',
    severity: 'error',
  },
  'duplicate-key': {
    description: 'A mapping holds the same key twice.',
    help: 'Keep one of the two keys: YAML would silently keep only the last (title: ... given twice under one activity).',
    severity: 'error',
  },
  'invalid-utf8': {
    description: 'The file is not UTF-8 text.',
    help: 'Save the file as UTF-8 (an editor\'s "Save with encoding: UTF-8"); UTF-16 and Latin-1 files are refused.',
    severity: 'error',
  },
  'empty-file': {
    description: 'The file is empty.',
    help: 'Give the file its content (an area file needs at least id, title, prefix and activities: []) or remove it and its entry.',
    severity: 'error',
  },
  'unreadable-file': {
    description: 'The file cannot be read: a directory, a broken link, no permission.',
    help: 'Make the path a readable file (a folder named like an area file, e.g. training.yaml/, is renamed), or remove it and the entry that names it.',
    severity: 'error',
  },
  'resource-limit': {
    description: 'The file is beyond what plan reads: too large, too deeply nested, too many aliases.',
    help: 'Split the file or remove the construct named; a plan file is hand-written YAML, kilobytes, not megabytes.',
    severity: 'error',
  },
  schema: {
    description: "A value does not match the file's JSON Schema: a missing field, a wrong type, an unknown property, a value outside its list.",
    help: 'Change the value to what the message asks for, e.g. status: planed → status: planned; the editor modeline on the first line shows the schema as you type.',
    severity: 'error',
  },
  'invalid-date': {
    description: 'A date is not a calendar day.',
    help: 'Write a day that exists, YYYY-MM-DD: 2019-02-30 → 2019-02-28.',
    severity: 'error',
  },
  'unknown-timezone': {
    description: 'The workspace timezone is not an IANA time zone.',
    help: 'Name a zone of the IANA database: timezone: Europe/Warsaw (or UTC).',
    severity: 'error',
  },
  'organisation-id-mismatch': {
    description: "An organisation file's id is not its file name.",
    help: 'Make them agree: organisations/euaa.yaml holds id: euaa.',
    severity: 'error',
  },
  'duplicate-organisation': {
    description: 'Two organisation files use the same id, current or former.',
    help: 'An id names one organisation: keep it in one file (a renamed organisation lists its old id under former_names).',
    severity: 'error',
  },
  'duplicate-unit': {
    description: 'An organisation defines the same unit code twice.',
    help: 'Keep one entry per code (codes are case-insensitive: RAU and rau are one code).',
    severity: 'error',
  },
  'replacement-loop': {
    description: "Units' replaced_by lead back to where they started.",
    help: 'A unit is replaced by a later one: break the loop (A replaced_by [B], B replaced_by [A] cannot both hold).',
    severity: 'error',
  },
  'replaced-without-end': {
    description: 'A unit names its successors in replaced_by but has no until.',
    help: 'Give the unit its last day: until: 2024-12-31, replaced_by: [NEW].',
    severity: 'error',
  },
  'unknown-unit': {
    description: 'A unit code that the organisation does not define.',
    help: 'Use a code of organisations/<id>.yaml (RUA → RAU), or add the unit there.',
    severity: 'error',
  },
  'unit-not-current': {
    description: 'A plan names a unit that had ended, or not yet begun, on the day the plan was signed.',
    help: "Name the unit that existed on the signing day (the message names the successor), or correct the unit's from/until.",
    severity: 'error',
  },
  'unused-unit': {
    description: 'A unit of a party that no activity names and that has not ended.',
    help: 'Name it in an activity, record its last day if it no longer exists (until: 2024-12-31), or remove it.',
    severity: 'warning',
  },
  'missing-plan-folder': {
    description: 'workspace.yaml lists a plan that has no folder with a plan.yaml.',
    help: 'Create the folder (plan init PLAN-ID) or remove the id from plans in workspace.yaml.',
    severity: 'error',
  },
  'unlisted-plan-folder': {
    description: 'A plan folder that workspace.yaml does not list.',
    help: 'Add its id under plans in workspace.yaml (plans: [frontex-easo-2019, frontex-euaa-2026]), or remove the folder.',
    severity: 'error',
  },
  'unlisted-file': {
    description: 'A YAML file at the top of the workspace that is not workspace.yaml.',
    help: 'Move it where it belongs: a plan into a folder of its own, units into organisations/<id>.yaml.',
    severity: 'error',
  },
  'unknown-plan': {
    description: 'supersedes names a plan that is not in the workspace.',
    help: 'Name a plan id of workspace.yaml (supersedes: frontex-easo-2019).',
    severity: 'error',
  },
  'supersedes-loop': {
    description: 'Plans that supersede each other in a circle.',
    help: 'A plan follows an earlier one: remove the supersedes that points forward.',
    severity: 'error',
  },
  'unknown-organisation': {
    description: 'An organisation a plan names (a party, a with, a copy) has no organisation file.',
    help: 'Use the id, name or alias of a file in organisations/ (with: [Europl] → [Europol]), or add the file.',
    severity: 'error',
  },
  'duplicate-party': {
    description: 'A plan lists the same organisation as a party twice.',
    help: 'Keep one entry per organisation under parties (a former id and the current one are the same organisation).',
    severity: 'error',
  },
  'unknown-party': {
    description: "An activity's units name a party that is not a party of its plan.",
    help: 'Use a party id of plan.yaml as the key under units (sotuh: → south:).',
    severity: 'error',
  },
  'missing-area-file': {
    description: 'plan.yaml lists an area that has no file.',
    help: 'Create <area-id>.yaml beside plan.yaml, or remove the id from areas.',
    severity: 'error',
  },
  'unlisted-area-file': {
    description: "A YAML file in a plan's folder that plan.yaml does not list as an area.",
    help: 'Add its id under areas in plan.yaml, or remove the file.',
    severity: 'error',
  },
  'area-id-mismatch': {
    description: "An area file's id is not its file name.",
    help: 'Make them agree: capacity-building.yaml holds id: capacity-building.',
    severity: 'error',
  },
  'duplicate-prefix': {
    description: 'Two areas of a plan share one id prefix.',
    help: 'Give each area its own prefix (prefix: CB), so every activity id names its area.',
    severity: 'error',
  },
  'id-prefix-mismatch': {
    description: "An activity id does not start with its area's prefix.",
    help: 'Number it in its area: in the area with prefix IA, TX-1 → IA-5 (the next free number; ids are never reused).',
    severity: 'error',
  },
  'duplicate-id': {
    description: 'Two activities of a plan share an id.',
    help: 'Give the later one the next free number of its area (a second IA-2 after IA-4 → IA-5); an id is never reused.',
    severity: 'error',
  },
  'unknown-related': {
    description: 'related names an activity that does not exist.',
    help: 'Name an existing activity: ID in the same plan, PLAN/ID in another (related: [frontex-easo-2019/IA-1]).',
    severity: 'error',
  },
  'related-one-way': {
    description: 'An activity lists another as related, and the other does not list it back.',
    help: "Add the first activity's id to the other's related list, so the link reads both ways (TR-1 lists AN-2: give AN-2 related: [TR-1]).",
    severity: 'warning',
  },
  'unknown-continues': {
    description: 'continues names an activity that does not exist, or one in a plan this plan does not supersede.',
    help: 'Point at an activity of a superseded plan: continues: frontex-easo-2019/IA-1, with supersedes: frontex-easo-2019 in plan.yaml.',
    severity: 'error',
  },
  'history-order': {
    description: 'History entries are not oldest first.',
    help: 'Order the entries by date, oldest first (plan set-status and plan note append in order).',
    severity: 'error',
  },
  'history-future': {
    description: "A history entry is dated after today (in the workspace's time zone).",
    help: 'Date the entry on or before today; plan set-status dates it today by default.',
    severity: 'error',
  },
  'history-status': {
    description: "An activity's status is not the status of its last history entry.",
    help: 'Record the change as a history entry (plan set-status ID STATUS does both), or correct status.',
    severity: 'error',
  },
} as const satisfies Record<string, RuleInfo>;

/** The id of a rule of RULES. */
export type RuleId = keyof typeof RULES;
