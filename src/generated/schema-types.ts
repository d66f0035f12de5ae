// Generated from schemas/ by scripts/generate.mjs; run `npm run generate` after editing a schema.
/**
 * An id in kebab case.
 */

export type Id = string;

/**
 * The plan itself, kept as plan/plan.yaml: title, legal basis, signing, parties, other organisations, areas and caveats.
 */

export interface CooperationPlan {
  /**
   * The plan's title.
   */
  title: string;
  /**
   * The paragraphs of the plan's introduction, in order.
   */
  introduction?: string[];
  /**
   * The agreement the plan is based on.
   */
  legal_basis?: {
    /**
     * The agreement's name.
     */
    title: string;
    /**
     * The day the agreement was signed.
     */
    date: string;
  };
  /**
   * Where, when and in how many copies the plan was signed.
   */
  signing?: {
    /**
     * The day the plan was signed.
     */
    date: string;
    /**
     * The city where the plan was signed.
     */
    place: string;
    /**
     * The language of the signed copies.
     */
    language?: string;
    /**
     * One entry per signed copy: the id of the party or organisation that holds it.
     */
    copies?: string[];
  };
  /**
   * The organisations that signed the plan and carry out its activities.
   *
   * @minItems 1
   */
  parties: Party[];
  /**
   * Other organisations an activity may name under with.
   */
  organisations?: Organisation[];
  /**
   * The ids of the plan's areas, in order; each has its file plan/<id>.yaml.
   *
   * @minItems 1
   */
  areas: Id[];
  /**
   * Conditions the whole plan is subject to.
   */
  caveats?: string[];
}

/**
 * An organisation that signed the plan.
 */

export interface Party {
  /**
   * The party's id, used in units.yaml and in activities' units.
   */
  id: string;
  /**
   * The party's full name.
   */
  name: string;
  /**
   * The name the plan uses for the party.
   */
  short_name: string;
  /**
   * Who signed for the party.
   */
  signatory?: {
    /**
     * The signatory's name.
     */
    name: string;
    /**
     * The signatory's function.
     */
    role: string;
  };
}

/**
 * An organisation that is not a party but that activities may involve.
 */

export interface Organisation {
  /**
   * The organisation's id.
   */
  id: string;
  /**
   * The organisation's name.
   */
  name: string;
  /**
   * The organisation's full name, where it differs.
   */
  full_name?: string;
  /**
   * Other names the plan uses for the organisation; with may name it by any of them.
   */
  aliases?: string[];
}

/**
 * The organisational units of each party, kept as plan/units.yaml.
 */

export interface Units {
  /**
   * A map from party id (as plan.yaml declares it) to that party's units.
   */
  units: {
    /**
     * The party's units.
     */
    [k: string]: Unit[];
  };
}

/**
 * One organisational unit of a party.
 */

export interface Unit {
  /**
   * The unit's code, unique within its party, e.g. RAU.
   */
  code: string;
  /**
   * The unit's full name.
   */
  name: string;
  /**
   * What kind of organisational entity the unit is.
   */
  kind: 'division' | 'department' | 'unit' | 'sector' | 'centre' | 'office' | 'officer' | 'cabinet';
  /**
   * false when the plan document gives the unit no code and the code was assigned here.
   */
  code_in_source?: boolean;
}

/**
 * The current status; equals the status of the last history entry.
 */

export type Status = 'planned' | 'in-progress' | 'ongoing' | 'completed' | 'on-hold' | 'cancelled';

/**
 * A unit code as units.yaml defines it, e.g. RAU.
 */

export type UnitCode = string;

/**
 * An activity id: the area prefix, a hyphen and a number, e.g. IA-2.
 */

export type ActivityId = string;

/**
 * The status from that day on.
 */

export type Status1 = 'planned' | 'in-progress' | 'ongoing' | 'completed' | 'on-hold' | 'cancelled';

/**
 * One area of a cooperation plan and its activities, kept as plan/<area-id>.yaml.
 */

export interface AreaOfCooperation {
  /**
   * The area's id, in kebab case; the file is named <id>.yaml and plan.yaml lists it under areas.
   */
  id: string;
  /**
   * The area's title as the plan document prints it.
   */
  title: string;
  /**
   * The prefix of every activity id in this area, e.g. IA for IA-2.
   */
  prefix: string;
  /**
   * The area's activities, in the order of the plan document.
   */
  activities: Activity[];
}

/**
 * One commitment of the plan: who carries it out, what it says, where it stands.
 */

export interface Activity {
  /**
   * <AREA PREFIX>-<n>, unique across the plan and never reused.
   */
  id: string;
  /**
   * A short title.
   */
  title: string;
  status: Status;
  /**
   * The implementing units: a map from party id to the codes of that party's units.
   */
  units: {
    /**
     * Codes of the party's implementing units.
     *
     * @minItems 1
     */
    [k: string]: UnitCode[];
  };
  /**
   * Other organisations involved, by id or name as plan.yaml declares them.
   */
  with?: string[];
  /**
   * The activity's full text as in the plan document.
   */
  text: string;
  /**
   * The bulleted sub-items of the text, if any.
   */
  actions?: string[];
  /**
   * Ids of related activities.
   */
  related?: ActivityId[];
  /**
   * Status changes, oldest first; the last entry's status equals status.
   *
   * @minItems 1
   */
  history: HistoryEntry[];
}

/**
 * One change of status: when, to what, and why.
 */

export interface HistoryEntry {
  /**
   * The day the status changed, YYYY-MM-DD.
   */
  date: string;
  status: Status1;
  /**
   * Why the status changed.
   */
  note?: string;
}
