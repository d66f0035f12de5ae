// Generated from schemas/ by scripts/generate.mjs; run `npm run generate` after editing a schema.
/**
 * An id in kebab case.
 */

export type Id = string;

/**
 * The workspace, kept as plan/workspace.yaml: its plans, in order, and the time zone of its calendar.
 */

export interface Workspace {
  /**
   * The ids of the workspace's plans, in order; each is a folder beside workspace.yaml.
   */
  plans: Id[];
  /**
   * The IANA time zone whose calendar gives "today" for every date rule and default.
   */
  timezone?: string;
}

/**
 * One organisation of the workspace, kept as plan/organisations/<id>.yaml: a party of a plan or any other organisation a plan names, with its units and its former names.
 */

export interface Organisation {
  /**
   * The organisation's current id; equals the file name. Plans use it (or a former id) as a party id.
   */
  id: string;
  /**
   * The organisation's current full name.
   */
  name: string;
  /**
   * The organisation's current short name, as tables and documents show it.
   */
  short_name: string;
  /**
   * Other names that find the organisation in --with and --party.
   */
  aliases?: string[];
  /**
   * The names the organisation bore before, oldest first; a former id still resolves to this organisation.
   */
  former_names?: FormerName[];
  /**
   * The organisation's units, in the order plans first name them; possibly empty.
   */
  units?: Unit[];
}

/**
 * A name the organisation bore until a day.
 */

export interface FormerName {
  /**
   * The id the organisation had under this name, where it differs; plans signed then use it.
   */
  id?: string;
  /**
   * The former full name.
   */
  name: string;
  /**
   * The former short name.
   */
  short_name?: string;
  /**
   * The last day the name was borne.
   */
  until: string;
}

/**
 * One organisational unit of the organisation.
 */

export interface Unit {
  /**
   * The unit's code, unique within its organisation, e.g. RAU.
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
  /**
   * The unit's first day, when it was set up after the organisation's first plan.
   */
  from?: string;
  /**
   * The unit's last day, when it ended (renamed, merged, split or closed).
   */
  until?: string;
  /**
   * The codes of the units of the same organisation that took over its work the day after until: one code for a rename, several for a split; several old units naming one new one is a merger.
   *
   * @minItems 1
   */
  replaced_by?: string[];
}

/**
 * An id in kebab case.
 */

/**
 * One plan of the workspace, kept as plan/<plan-id>/plan.yaml: title, introduction, legal basis, signing, parties, period, the plan it supersedes, areas and caveats.
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
    /**
     * The agreement that replaced this one, when one did: the plan stays as signed, and this records what happened since.
     */
    replaced_by?: {
      /**
       * The replacing agreement's name.
       */
      title: string;
      /**
       * The day the replacing agreement was signed.
       */
      date: string;
    };
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
   * The organisations that signed the plan and carry out its activities, in the order of the document.
   *
   * @minItems 1
   */
  parties: SigningParty[];
  /**
   * The period the plan runs for, when it states one.
   */
  period?: {
    /**
     * The plan's first day.
     */
    from?: string;
    /**
     * The plan's last day.
     */
    until?: string;
  };
  /**
   * The id of the plan of this workspace that this plan follows and replaces; a superseded plan leaves the default scope.
   */
  supersedes?: string;
  /**
   * The ids of the plan's areas, in order; each has its file <id>.yaml in the plan's folder.
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
 * An organisation that signed the plan, as it was when it signed.
 */

export interface SigningParty {
  /**
   * The organisation's id as the plan was signed (a former id is fine); its file is organisations/<current id>.yaml, and activities' units are keyed by this id.
   */
  organisation: string;
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
 * The current status; equals the status of the last history entry.
 */

export type Status = 'planned' | 'in-progress' | 'ongoing' | 'completed' | 'on-hold' | 'cancelled';

/**
 * A unit code as the party's organisation file defines it, e.g. RAU.
 */

export type UnitCode = string;

/**
 * An activity of the same plan by its id (IA-2), or of another plan of the workspace as PLAN/ID (frontex-euaa-2027/IA-1).
 */

export type ActivityRef = string;

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
  related?: ActivityRef[];
  /**
   * PLAN/ID of the activity this one carries on from, in a plan this plan supersedes.
   */
  continues?: string;
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
