import type { WorkspaceDiff } from './diffWorkspaces.js';

/** One side of a comparison: a revision as the user named it and the commit it is, or (both null) the working tree. */
export interface PlanVersion {
  revision: string | null;
  commit: string | null;
  /** Set on a side that is the plan rebuilt from its history as of a day (`report --since DATE`), not a revision. */
  date?: string;
}

/** What changed in the workspace between two versions, and what stood in the way of a full comparison. */
export interface PlanChanges {
  base: PlanVersion;
  head: PlanVersion;
  diff: WorkspaceDiff;
  /** Whether both versions loaded without errors, so nothing was left out. */
  complete: boolean;
  /** One line each, plain text (a renderer escapes it): a version whose workspace is invalid, and what of it could not be read. */
  warnings: string[];
}
