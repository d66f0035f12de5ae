import type { Status, Workspace } from '../model.js';
import { countStatuses } from './statusCounts.js';

/** One plan of the workspace at a glance: a row of `plan plans`. */
export interface PlanSummary {
  id: string;
  title: string;
  /** The parties' short names, as borne when the plan was signed, in the document's order. */
  parties: string[];
  /** The signing day and place, when the plan records them. */
  signed?: { date: string; place: string };
  period?: { from?: string; until?: string };
  supersedes?: string;
  /** The plans that name this one under `supersedes`. */
  superseded_by: string[];
  activities: number;
  /** Every status, in STATUSES order, zeros included, so each row has the same shape. */
  by_status: Record<Status, number>;
}

/** The given plans of the workspace (every plan when none is given), in workspace order, each summarised. */
export function planSummaries(workspace: Workspace, ids: readonly string[] = workspace.plans.map((plan) => plan.id)): PlanSummary[] {
  const wanted = new Set(ids);
  return workspace.plans
    .filter((plan) => wanted.has(plan.id))
    .map((plan) => {
      const { meta } = plan;
      return {
        id: plan.id,
        title: meta.title,
        parties: plan.parties.map((party) => party.short_name),
        ...(meta.signing && { signed: { date: meta.signing.date, place: meta.signing.place } }),
        ...(meta.period && { period: { ...meta.period } }),
        ...(meta.supersedes !== undefined && { supersedes: meta.supersedes }),
        superseded_by: workspace.plans.filter((other) => other.meta.supersedes === plan.id).map((other) => other.id),
        activities: plan.activities.length,
        by_status: countStatuses(plan.activities),
      };
    });
}

/** A period as one line of text: `2019-07-18 – 2021-12-31`, an open end as `from 2019-07-18` or `until 2021-12-31`. */
export function periodText(period: PlanSummary['period']): string {
  if (period?.from !== undefined && period.until !== undefined) return `${period.from} – ${period.until}`;
  if (period?.from !== undefined) return `from ${period.from}`;
  return period?.until !== undefined ? `until ${period.until}` : '';
}

/** The text columns every tabular rendering of `plan plans` shows, before the counts: one list, so the formats agree. */
export const PLAN_SUMMARY_COLUMNS = ['Plan', 'Title', 'Parties', 'Signed', 'Period', 'Supersedes', 'Superseded by'] as const;

/** A summary's text cells, in PLAN_SUMMARY_COLUMNS order (raw: each renderer escapes for its format). */
export function planSummaryCells(row: PlanSummary): string[] {
  return [
    row.id,
    row.title,
    row.parties.join(', '),
    row.signed ? `${row.signed.date}, ${row.signed.place}` : '',
    periodText(row.period),
    row.supersedes ?? '',
    row.superseded_by.join(', '),
  ];
}
