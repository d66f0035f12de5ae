import type { RuleId } from './ruleRegistry.js';
import type { Activity as ActivityData, AreaOfCooperation, CooperationPlan, Organisation, SigningParty, Status, Unit } from './generated/schema-types.js';

export type {
  Activity as ActivityData,
  AreaOfCooperation,
  CooperationPlan,
  FormerName,
  HistoryEntry,
  Organisation,
  SigningParty,
  Status,
  Unit,
  Workspace as WorkspaceData,
} from './generated/schema-types.js';

/** The statuses in their order of progress; the schema's enum, as a value. */
export const STATUSES: readonly Status[] = ['planned', 'in-progress', 'ongoing', 'completed', 'on-hold', 'cancelled'];

/** Where an activity's id stands in the YAML, as validate reports positions. */
export interface SourceRef {
  file: string;
  line: number;
}

/** An activity as the plan's files hold it, plus the plan and area it belongs to and where it is written. */
export interface Activity extends ActivityData {
  plan: string;
  area: string;
  source: SourceRef;
}

/** An area without its activities, plus the file that holds it. */
export interface Area extends Omit<AreaOfCooperation, 'activities'> {
  file: string;
}

/** A party of a plan, resolved through its organisation's file: the id as signed, the names as borne on the signing day. */
export interface Party extends SigningParty {
  /** The id as the plan was signed (a former id stays): the key of activities' units. */
  id: string;
  name: string;
  short_name: string;
  /** The organisation's current id: parties of several plans that are one organisation share it. */
  current: string;
  /** Every id and name the organisation is found by, current and former, lower-cased. */
  names: string[];
}

/** An organisation a plan's activities may name under `with`: any organisation of the workspace but the plan's parties. */
export interface OtherOrganisation {
  id: string;
  /** The short name, as text shows it. */
  name: string;
  full_name?: string;
  /** Every other name `--with` finds it by: aliases, former ids and names. */
  aliases?: string[];
}

/** An organisation file of the workspace, as read. */
export interface OrganisationRecord extends Organisation {
  /** The file, relative to the current directory. */
  file: string;
}

/** A loaded, valid plan: what every command but validate works on. */
export interface Plan {
  /** The plan's id: its folder's name in the workspace. */
  id: string;
  dir: string;
  meta: CooperationPlan;
  parties: Party[];
  organisations: OtherOrganisation[];
  /** Each party's units, by party id as signed, in the order of its organisation's file. */
  units: Map<string, Unit[]>;
  areas: Area[];
  /** Every activity, in plan order: areas as plan.yaml lists them, activities as each file lists them. */
  activities: Activity[];
  /** When this stands for several plans at once (a command's scope): those plans. */
  scope?: readonly Plan[];
}

/** What could be read of a plan with errors, for a command that works with what it can (plan diff). */
export interface PartialPlan extends Omit<Plan, 'meta' | 'units'> {
  /** plan.yaml, when it parsed and matched its schema. */
  meta?: CooperationPlan;
  /** The parties' units, when plan.yaml and the organisation files parsed and matched their schemas. */
  units?: Map<string, Unit[]>;
  /** Areas plan.yaml lists whose file is missing or did not parse or match its schema: their activities are unknown. */
  unreadAreas: string[];
}

/** A loaded, valid workspace: its organisations and its plans, in the order workspace.yaml lists them. */
export interface Workspace {
  root: string;
  /** The IANA zone whose calendar gives "today". */
  timezone: string;
  organisations: OrganisationRecord[];
  plans: Plan[];
}

export type Severity = 'error' | 'warning';

/** One problem found in the plan's files, at a position a person can jump to. */
export interface Finding {
  /** Relative to the current directory. */
  file: string;
  line: number;
  column: number;
  /** The rule it breaks: an id of RULES, which says what the rule is and how to fix it. */
  rule: RuleId;
  message: string;
  /** JSON pointer to the value inside the file ("" for the whole file). */
  path: string;
  severity: Severity;
}
