import type { Status } from '../model.js';

/**
 * A document as plain data: what `export` and `report` say, before any format. Markdown, HTML
 * and Word each render this one description, so the three never disagree; a new format is one
 * renderer. Every string here is plain text from the plan or the tool: renderers escape it.
 */
export interface DocumentModel {
  /** Document properties (Word's core properties, HTML's <title> and meta). */
  meta: DocumentMeta;
  blocks: Block[];
}

/** What a document says about itself. */
export interface DocumentMeta {
  title: string;
  /** e.g. the parties, "Frontex and EASO". */
  subject?: string;
  keywords?: string[];
  /** A calendar date, YYYY-MM-DD (the signing day, or the report's as-of day). */
  date?: string;
  /** BCP 47, e.g. "en". */
  language: string;
}

/**
 * Text with emphasis: a paragraph or a cell is a list of runs. A line break inside a run's text
 * is a line break where the format has one (Word, HTML) and a space where it has none (a
 * Markdown table cell or heading).
 */
export type Inline =
  | string
  | {
      text: string;
      strong?: boolean;
      emphasis?: boolean;
      code?: boolean;
      href?: string;
      title?: string;
      /** An id others link to (`#IA-2`): HTML puts it on the run; other formats may ignore it. */
      anchor?: string;
      /** The run names this status: HTML shows it as a badge; other formats as plain text. */
      status?: Status;
    };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: Inline[]; anchor?: string }
  /** `warning`: a caution the reader must not miss (a quote block in Markdown). */
  | { kind: 'paragraph'; text: Inline[]; role?: 'editorial' | 'note' | 'warning' }
  | { kind: 'list'; ordered?: boolean; items: Inline[][] }
  | { kind: 'table'; table: Table }
  | { kind: 'signatures'; intro?: Inline[]; signatories: Signatory[] }
  /** `table`: the chart's figures, for a format that cannot draw the chart (and as its accessible text). */
  | { kind: 'chart'; chart: Chart; table?: Table }
  | { kind: 'section'; id?: string; blocks: Block[] };

/** A table with a header row; widths are shares of the text width (they add up to 1). */
export interface Table {
  caption?: string;
  head: Inline[][];
  rows: Cell[][];
  /** One per column, summing to 1; Word and LibreOffice need explicit widths. */
  widths: number[];
  /** Columns whose cells are numbers (right-aligned). */
  numeric?: boolean[];
}

/**
 * A cell holds runs, or blocks (an activity's heading and text with its actions in place). A
 * format whose tables hold one line per cell (Markdown) shows a cell of blocks by its first
 * heading and puts the blocks after the table, row by row.
 */
export type Cell = Inline[] | { blocks: Block[] };

/** One signature: the party as named on the signing day, who signed and in which role (absent: not recorded). */
export interface Signatory {
  party: string;
  name?: string;
  role?: string;
}

/** A chart as data: renderers draw it (SVG in HTML, an image in Word) or fall back to its table. */
export type Chart =
  | { kind: 'status-totals'; title: string; counts: Record<Status, number> }
  | {
      kind: 'stacked-bars';
      title: string;
      /** What the labels are ("Area", "Unit"): the head of the table's first column. */
      labelHead?: string;
      /** `name`: the label's full name (a unit's), for a tooltip and the table. */
      bars: { label: string; name?: string; counts: Record<Status, number> }[];
    }
  /** The counts at the end of the first day, the last day, and each day between on which they changed. */
  | { kind: 'cumulative-flow'; title: string; days: { date: string; counts: Record<Status, number> }[] }
  | {
      kind: 'heat-map';
      title: string;
      rows: string[];
      columns: string[];
      /** cells[row][column]. */
      cells: number[][];
      /** Full names of the rows and columns (units'), for tooltips and the table. */
      rowNames?: string[];
      columnNames?: string[];
      /** What the rows and the columns are ("Frontex units"). */
      rowHeading?: string;
      columnHeading?: string;
    };
