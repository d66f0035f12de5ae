import { isDeepStrictEqual } from 'node:util';
import { wordDiff, type WordChange } from './wordDiff.js';

/** The fields of plan.yaml a diff reports, as a reader names them. */
export const PLAN_FIELDS = ['title', 'introduction', 'legal_basis', 'signing', 'parties', 'signatories', 'period', 'supersedes', 'caveats'] as const;

export type PlanField = (typeof PLAN_FIELDS)[number];

/** One field of plan.yaml, old → new, each side as one line of text (null when absent); a text also as its changed words. */
export interface PlanFieldChange {
  field: PlanField;
  from: string | null;
  to: string | null;
  words?: WordChange[];
}

/** What plan.yaml holds, as far as a diff reads it (the shape changes little between layouts, so only what is compared is named). */
export interface PlanFields {
  title?: string;
  introduction?: string[];
  legal_basis?: { title: string; date: string; replaced_by?: { title: string; date: string } };
  signing?: { date: string; place: string; language?: string; copies?: string[] };
  parties?: { organisation?: string; id?: string; signatory?: { name: string; role: string } }[];
  period?: { from: string; until: string };
  supersedes?: string;
  caveats?: string[];
}

/** Each field of plan.yaml that differs between two versions, old → new, in PLAN_FIELDS order. */
export function planFieldChanges(before: PlanFields, after: PlanFields): PlanFieldChange[] {
  return PLAN_FIELDS.flatMap((field): PlanFieldChange[] => {
    const from = shown(before, field);
    const to = shown(after, field);
    if (isDeepStrictEqual(from, to)) return [];
    const prose = field === 'title' || field === 'introduction' || field === 'caveats';
    return [{ field, from, to, ...(prose && from !== null && to !== null && { words: wordDiff(from, to) }) }];
  });
}

// A field as one line a reader can compare: "Working Arrangement (2012-09-26) → Working Arrangement (2026-01-22)".
function shown(plan: PlanFields, field: PlanField): string | null {
  switch (field) {
    case 'title':
      return plan.title ?? null;
    case 'introduction':
    case 'caveats':
      return plan[field]?.length ? plan[field].join('\n\n') : null;
    case 'legal_basis': {
      const basis = plan.legal_basis;
      if (!basis) return null;
      const replaced = basis.replaced_by ? `; replaced by ${basis.replaced_by.title} (${basis.replaced_by.date})` : '';
      return `${basis.title} (${basis.date})${replaced}`;
    }
    case 'signing': {
      const signing = plan.signing;
      if (!signing) return null;
      const extra = [signing.language, signing.copies?.length ? `copies: ${signing.copies.join(', ')}` : undefined].filter(Boolean);
      return `${signing.date}, ${signing.place}${extra.length ? ` (${extra.join('; ')})` : ''}`;
    }
    case 'parties':
      return plan.parties?.length ? plan.parties.map((party) => party.organisation ?? party.id ?? '').join(', ') : null;
    case 'signatories': {
      const signed = (plan.parties ?? []).filter((party) => party.signatory);
      return signed.length ? signed.map((party) => `${party.organisation ?? party.id}: ${party.signatory!.name}, ${party.signatory!.role}`).join('; ') : null;
    }
    case 'period':
      return plan.period ? `${plan.period.from} to ${plan.period.until}` : null;
    case 'supersedes':
      return plan.supersedes ?? null;
  }
}
