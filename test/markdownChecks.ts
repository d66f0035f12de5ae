import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { main as markdownlint } from 'markdownlint-cli2';
import { tempDir } from './helpers.js';

/**
 * markdownlint-cli2's findings on each document, with its default rules: the documents are
 * written to a fresh folder (so no configuration file of this repository applies) and linted
 * there; [] when all pass.
 */
export async function lintMarkdown(documents: Record<string, string>): Promise<string[]> {
  const dir = join(tempDir(), 'lint');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(documents)) writeFileSync(join(dir, name), text);
  const findings: string[] = [];
  await markdownlint({ directory: dir, argv: ['*.md'], logMessage: () => {}, logError: (message: string) => findings.push(message) });
  return findings;
}

/** A table as written: its first line and the number of cells of its header and of each row, counted as GFM splits them. */
export interface TableShape {
  line: number;
  header: number;
  rows: number[];
}

/** Every table in `markdown` (outside code fences), with the cells of its header and rows counted on unescaped pipes. */
export function tableShapes(markdown: string): TableShape[] {
  const tables: TableShape[] = [];
  let fenced = false;
  let current: TableShape | undefined;
  markdown.split('\n').forEach((line, index) => {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced || !line.startsWith('|')) {
      current = undefined;
      return;
    }
    if (!current) {
      current = { line: index + 1, header: cellCount(line), rows: [] };
      tables.push(current);
    } else {
      current.rows.push(cellCount(line));
    }
  });
  return tables;
}

/** What a GFM reader counts as cells in a table row: pipes not escaped by a backslash, less the outer two. */
export function cellCount(line: string): number {
  let pipes = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') pipes++;
  }
  return pipes - 1;
}

const markdownIt = new MarkdownIt({ html: true });

/** The HTML a renderer that passes raw HTML through makes of `markdown`. */
export function renderHtml(markdown: string): string {
  return markdownIt.render(markdown);
}

/** What a reader sees of `markdown`: rendered, tags dropped, entities decoded, whitespace collapsed. */
export function renderedText(markdown: string): string {
  return renderHtml(markdown)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The one ```mermaid block of `markdown`, without its fences; undefined when there is none. */
export function mermaidBlock(markdown: string): string | undefined {
  return /^```mermaid\n([\s\S]*?)^```$/m.exec(markdown)?.[1];
}
