import type {
  Activity as ActivityData,
  AreaOfCooperation,
  CooperationPlan,
  Organisation,
  Party,
  Status,
  Unit,
} from './generated/schema-types.js';

export type { Activity as ActivityData, AreaOfCooperation, CooperationPlan, HistoryEntry, Organisation, Party, Status, Unit } from './generated/schema-types.js';

/** The statuses in their order of progress; the schema's enum, as a value. */
export const STATUSES: readonly Status[] = ['planned', 'in-progress', 'ongoing', 'completed', 'on-hold', 'cancelled'];

/** Where an activity's id stands in the YAML, as validate reports positions. */
export interface SourceRef {
  file: string;
  line: number;
}

/** An activity as the plan's files hold it, plus the area it belongs to and where it is written. */
export interface Activity extends ActivityData {
  area: string;
  source: SourceRef;
}

/** An area without its activities, plus the file that holds it. */
export interface Area extends Omit<AreaOfCooperation, 'activities'> {
  file: string;
}

/** A loaded, valid plan: what every command but validate works on. */
export interface Plan {
  dir: string;
  meta: CooperationPlan;
  parties: Party[];
  organisations: Organisation[];
  /** Each party's units, by party id, in the order of units.yaml. */
  units: Map<string, Unit[]>;
  areas: Area[];
  /** Every activity, in plan order: areas as plan.yaml lists them, activities as each file lists them. */
  activities: Activity[];
}

/** What could be read of a plan with errors, for a command that works with what it can (plan diff). */
export interface PartialPlan extends Omit<Plan, 'meta' | 'units'> {
  /** plan.yaml, when it parsed and matched its schema. */
  meta?: CooperationPlan;
  /** units.yaml, when it parsed and matched its schema. */
  units?: Map<string, Unit[]>;
  /** Areas plan.yaml lists whose file is missing or did not parse or match its schema: their activities are unknown. */
  unreadAreas: string[];
}

export type Severity = 'error' | 'warning';

/** One problem found in the plan's files, at a position a person can jump to. */
export interface Finding {
  /** Relative to the current directory. */
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  /** JSON pointer to the value inside the file ("" for the whole file). */
  path: string;
  severity: Severity;
}
