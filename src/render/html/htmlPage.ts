import { createHash } from 'node:crypto';
import { chartTable } from '../../document/chartTable.js';
import type { Block, Cell, Chart, DocumentModel, Inline, Table } from '../../document/model.js';
import { STATUSES } from '../../model.js';
import { chartSvg } from './chartSvg.js';
import { escapeHtml } from './escapeHtml.js';
import { PAGE_STYLE } from './pageStyle.js';
import { STATUS_PATTERNS } from './statusPatterns.js';

// The page loads nothing: no script, font, image, frame or style sheet from anywhere, and its own
// style sheet only by its hash; a mail client or browser that honours the policy stops anything
// that plan text might still smuggle in, on top of the escaping that already stops it.
const POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * A document as one self-contained HTML page: charts as inline SVG, each with its numbers in a
 * table beside it, readable with scripts off (there are none), in light and dark, on screen and
 * on paper. The same model gives the same bytes; every string of the model is escaped.
 */
export function htmlPage(document: DocumentModel): string {
  const { meta } = document;
  const context = { charts: 0 };
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(meta.title)}</title>`,
    meta.subject === undefined ? '' : `<meta name="description" content="${escapeHtml(meta.subject)}">`,
    meta.keywords === undefined || meta.keywords.length === 0 ? '' : `<meta name="keywords" content="${escapeHtml(meta.keywords.join(', '))}">`,
    meta.date === undefined ? '' : `<meta name="date" content="${escapeHtml(meta.date)}">`,
    '<meta name="generator" content="plan">',
    `<style>${PAGE_STYLE}</style>`,
  ].filter(Boolean);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(meta.language)}">`,
    '<head>',
    ...head,
    '</head>',
    '<body>',
    STATUS_PATTERNS,
    '<main>',
    blocksHtml(document.blocks, context),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

interface RenderContext {
  /** Charts drawn so far, for ids unique in the page. */
  charts: number;
}

function blocksHtml(blocks: readonly Block[], context: RenderContext): string {
  return blocks.map((block) => blockHtml(block, context)).join('\n');
}

function blockHtml(block: Block, context: RenderContext): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}${idAttribute(block.anchor)}>${inlineHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p${block.role === undefined ? '' : ` class="${block.role}"`}>${inlineHtml(block.text)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return tableHtml(block.table, context);
    case 'signatures':
      return [
        block.intro === undefined ? '' : `<p>${inlineHtml(block.intro)}</p>`,
        `<div class="signatures">${block.signatories
          .map(
            (signatory) =>
              `<div class="signatory"><p><strong>${escapeHtml(signatory.party)}</strong></p>${[signatory.name, signatory.role].map((line) => (line === undefined ? '' : `<p>${escapeHtml(line)}</p>`)).join('')}</div>`,
          )
          .join('')}</div>`,
      ].join('');
    case 'chart':
      return chartHtml(block.chart, block.table ?? chartTable(block.chart), context);
    case 'section':
      return `<section${idAttribute(block.id)}>\n${blocksHtml(block.blocks, context)}\n</section>`;
  }
}

// A chart, its visible title (which names the SVG for assistive technology), and the table of its
// numbers (the document's, else the chart's own) in a <details> that print expands.
function chartHtml(chart: Chart, table: Table, context: RenderContext): string {
  context.charts += 1;
  const id = `chart-${context.charts}`;
  return [
    `<figure id="${id}">`,
    `<figcaption id="${id}-title">${escapeHtml(chart.title)}</figcaption>`,
    chartSvg(chart, `${id}-title`),
    `<details><summary>The numbers: ${escapeHtml(chart.title)}</summary>`,
    tableHtml({ ...table, caption: undefined }, context),
    '</details>',
    '</figure>',
  ].join('\n');
}

function tableHtml(table: Table, context: RenderContext): string {
  const numeric = (column: number) => (table.numeric?.[column] ? ' class="num"' : '');
  // A cell of one short word (an id, a date) is never broken at its hyphens.
  const cellClass = (cell: Cell, column: number) => (table.numeric?.[column] ? ' class="num"' : oneWord(cell) ? ' class="word"' : '');
  const head = `<thead><tr>${table.head.map((cell, column) => `<th scope="col"${numeric(column)}>${inlineHtml(cell)}</th>`).join('')}</tr></thead>`;
  const rows = table.rows.map((row) => `<tr>${row.map((cell, column) => `<td${cellClass(cell, column)}>${cellHtml(cell, context)}</td>`).join('')}</tr>`);
  // A row a line, so a line-by-line comparison (plan report --check, a diff) points at the row that changed.
  return `<div class="table"><table>${table.caption === undefined ? '' : `<caption>${escapeHtml(table.caption)}</caption>`}${head}<tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

function oneWord(cell: Cell): boolean {
  if (!Array.isArray(cell)) return false;
  const text = cell.map((run) => (typeof run === 'string' ? run : run.text)).join('');
  return text.length <= 16 && !/\s/.test(text);
}

function cellHtml(cell: Cell, context: RenderContext): string {
  return Array.isArray(cell) ? inlineHtml(cell) : blocksHtml(cell.blocks, context);
}

function inlineHtml(runs: readonly Inline[]): string {
  return runs.map(runHtml).join('');
}

function runHtml(run: Inline): string {
  if (typeof run === 'string') return escapeHtml(run);
  let html = escapeHtml(run.text);
  if (run.code) html = `<code>${html}</code>`;
  if (run.emphasis) html = `<em>${html}</em>`;
  if (run.strong) html = `<strong>${html}</strong>`;
  if (run.status !== undefined && STATUSES.includes(run.status)) html = `<span class="badge badge-${run.status}">${html}</span>`;
  const title = run.title === undefined ? '' : ` title="${escapeHtml(run.title)}"`;
  const href = run.href === undefined ? undefined : fragment(run.href);
  if (href !== undefined) return `<a href="${href}"${idAttribute(run.anchor)}${title}>${html}</a>`;
  if (run.title !== undefined) return `<abbr${idAttribute(run.anchor)}${title}>${html}</abbr>`;
  if (run.anchor !== undefined) return `<span${idAttribute(run.anchor)}>${html}</span>`;
  return html;
}

// Links stay inside the page: only a fragment (#IA-2) becomes a link; any other target (a URL, a
// javascript: or data: scheme) is dropped and its text shown as text, so the page refers to nothing outside.
function fragment(href: string): string | undefined {
  return /^#[^\s#]+$/u.test(href) ? `#${escapeHtml(encodeURIComponent(href.slice(1)))}` : undefined;
}

function idAttribute(id: string | undefined): string {
  return id === undefined ? '' : ` id="${escapeHtml(id.replace(/\s+/g, '-'))}"`;
}
