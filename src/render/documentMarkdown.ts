import type { Block, Cell, Chart, DocumentModel, Inline, Table } from '../document/model.js';
import { STATUSES } from '../model.js';
import { escapeMarkdownInline, LINT_SETTINGS, markdownTable, wrapMarkdown } from './markdown.js';
import { sanitize } from '../text/sanitize.js';

/**
 * A document as GitHub Flavored Markdown: prose wrapped at 80 columns, tables one line a row,
 * every string escaped, closed by the settings markdownlint needs for a generated file. The same
 * document gives the same bytes.
 */
export function documentMarkdown(document: DocumentModel): string {
  return `${blocksMarkdown(document.blocks).trimEnd()}\n\n${LINT_SETTINGS}\n`;
}

/** Blocks as Markdown, separated by blank lines: a part of a document (`plan diff --format markdown`). */
export function blocksMarkdown(blocks: readonly Block[]): string {
  return `${blocks
    .flatMap(block)
    .map((text) => text.trimEnd())
    .filter((text) => text !== '')
    .join('\n\n')}\n`;
}

function block(node: Block): string[] {
  switch (node.kind) {
    case 'heading':
      return [`${'#'.repeat(node.level)} ${line(node.text)}`];
    case 'paragraph': {
      const text = runs(node.text);
      return [node.role === 'warning' ? wrapMarkdown(text, { prefix: '> ', indent: '> ' }) : wrapMarkdown(text)];
    }
    case 'list':
      return [node.items.map((item, index) => wrapMarkdown(runs(item), { prefix: node.ordered ? `${index + 1}. ` : '- ' })).join('\n')];
    case 'table':
      return table(node.table);
    case 'signatures': {
      const intro = node.intro ? [wrapMarkdown(runs(node.intro))] : [];
      if (node.signatories.length === 0) return intro;
      const head = node.signatories.map(({ party }) => line([`For ${party}`]));
      const role = node.signatories.map(({ role }) => line([role ?? '–']));
      const name = node.signatories.map(({ name }) => line([name ?? '–']));
      return [...intro, markdownTable(head, [role, name])];
    }
    case 'chart':
      return chart(node.chart, node.table);
    case 'section':
      return node.blocks.flatMap(block);
  }
}

// Markdown draws a pie with Mermaid, which GitHub and GitLab render; any other chart shows its figures.
function chart(figure: Chart, figures: Table | undefined): string[] {
  if (figure.kind === 'status-totals') {
    const slices = STATUSES.filter((status) => figure.counts[status] > 0).map((status) => `    "${status}" : ${figure.counts[status]}`);
    return [['```mermaid', `pie showData title ${sanitize(figure.title).replace(/["`]/g, "'")}`, ...slices, '```'].join('\n')];
  }
  return figures ? table(figures) : [];
}

// A Markdown table holds one line per cell: a cell of blocks shows its first heading, and its blocks follow the table.
function table(data: Table): string[] {
  const cell = (value: Cell) => ('blocks' in value ? line(firstHeading(value.blocks)) : line(value));
  const caption = data.caption === undefined ? [] : [wrapMarkdown(runs([{ text: data.caption, emphasis: true }]))];
  const rendered = markdownTable(data.head.map(line), data.rows.map((row) => row.map(cell)), data.numeric);
  const after = data.rows.flatMap((row) => row.flatMap((value) => ('blocks' in value ? value.blocks.flatMap(block) : [])));
  return [...caption, rendered, ...after];
}

function firstHeading(blocks: readonly Block[]): Inline[] {
  for (const node of blocks) {
    if (node.kind === 'heading') return node.text;
    if (node.kind === 'section') return firstHeading(node.blocks);
  }
  return [];
}

// Runs on one line (a heading, a table cell): line breaks become spaces and every # is escaped.
function line(text: readonly Inline[]): string {
  return runs(text, (escaped) => escaped.replace(/\s*\n\s*/g, ' ').replace(/#/g, '\\#')).trim();
}

function runs(text: readonly Inline[], inLine: (escaped: string) => string = (escaped) => escaped): string {
  return text
    .map((run) => {
      if (typeof run === 'string') return inLine(escapeMarkdownInline(run));
      if (run.code) return codeSpan(sanitize(run.text).replace(/\s*\n\s*/g, ' '));
      let out = inLine(escapeMarkdownInline(run.text));
      if (run.emphasis) out = `*${out}*`;
      if (run.strong) out = `**${out}**`;
      if (run.href !== undefined) out = `[${out}](<${encodeURI(sanitize(run.href)).replace(/[<>]/g, encodeURIComponent)}>${run.title === undefined ? '' : ` "${escapeMarkdownInline(run.title).replace(/"/g, '\\"')}"`})`;
      return out;
    })
    .join('');
}

// A code span whose fence is longer than any run of backticks inside it.
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((ticks) => ticks.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
