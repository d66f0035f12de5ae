/** Options every command accepts, before or after its name. */
export interface GlobalOptions {
  planDir?: string;
  /** `--plan`: the plans to answer for, by id or unambiguous start. */
  plan?: string[];
  allPlans?: boolean;
  color: boolean;
}

// Each command's --format choices, written once: cli.ts offers them, and the command's
// Record<Format, Render> must render every one of them (the compiler checks both ways).

/** `plan list`, `plan units`, `plan plans`. */
export const LIST_FORMATS = ['table', 'json', 'yaml', 'csv', 'markdown'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** `plan show`. */
export const SHOW_FORMATS = ['text', 'json', 'yaml'] as const;
export type ShowFormat = (typeof SHOW_FORMATS)[number];

/** `plan report`. */
export const REPORT_FORMATS = ['markdown', 'html', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `plan export`. */
export const EXPORT_FORMATS = ['markdown', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `plan validate`. */
export const FINDINGS_FORMATS = ['text', 'json', 'github', 'sarif', 'junit'] as const;
export type FindingsFormat = (typeof FINDINGS_FORMATS)[number];

/** `plan diff`. */
export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type PlanDiffFormat = (typeof DIFF_FORMATS)[number];
