import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../src/document/model.js';
import { blocksMarkdown, documentMarkdown } from '../../src/render/documentMarkdown.js';

describe('documentMarkdown', () => {
  it('shows a cell of blocks by its first heading and puts its blocks after the table, row by row', () => {
    const markdown = blocksMarkdown([
      {
        kind: 'table',
        table: {
          head: [['Unit'], ['Activity']],
          rows: [
            [['A (X);\nB (Y)'], { blocks: [{ kind: 'heading', level: 3, text: ['AN-1 First'] }, { kind: 'paragraph', text: ['One.'] }] }],
            [['–'], { blocks: [{ kind: 'heading', level: 3, text: ['AN-2 Second'] }, { kind: 'list', items: [['a'], ['b']] }] }],
          ],
          widths: [0.3, 0.7],
        },
      },
    ]);
    expect(markdown).toBe(
      '| Unit | Activity |\n| --- | --- |\n| A (X); B (Y) | AN-1 First |\n| – | AN-2 Second |\n\n### AN-1 First\n\nOne.\n\n### AN-2 Second\n\n- a\n- b\n',
    );
  });

  it('writes emphasis, code and warnings, escaping the text inside them', () => {
    const markdown = blocksMarkdown([
      { kind: 'paragraph', text: ['a ', { text: '*b*', strong: true }, ' ', { text: 'c`d', code: true }, ' ', { text: 'e', emphasis: true }] },
      { kind: 'paragraph', role: 'warning', text: [{ text: 'Warning:', strong: true }, ' the base is <gone>'] },
    ]);
    expect(markdown).toBe('a **\\*b\\*** ``c`d`` *e*\n\n> **Warning:** the base is \\<gone\\>\n');
  });

  it('draws status totals as a Mermaid pie and shows any other chart by its table', () => {
    const counts = { planned: 2, 'in-progress': 0, ongoing: 1, completed: 0, 'on-hold': 0, cancelled: 0 };
    const markdown = blocksMarkdown([
      { kind: 'chart', chart: { kind: 'status-totals', title: 'By "status"', counts } },
      { kind: 'chart', chart: { kind: 'stacked-bars', title: 'Areas', bars: [{ label: 'A', counts }] }, table: { head: [['Area'], ['planned']], rows: [[['A'], ['2']]], widths: [0.5, 0.5], numeric: [false, true] } },
    ]);
    expect(markdown).toBe('```mermaid\npie showData title By \'status\'\n    "planned" : 2\n    "ongoing" : 1\n```\n\n| Area | planned |\n| --- | ---: |\n| A | 2 |\n');
  });

  it('closes a whole document with the settings markdownlint needs', () => {
    const document: DocumentModel = { meta: { title: 'T', language: 'en' }, blocks: [{ kind: 'heading', level: 1, text: ['T'] }] };
    expect(documentMarkdown(document)).toBe('# T\n\n<!-- markdownlint-configure-file\n{ "MD013": { "tables": false, "headings": false } }\n-->\n');
  });
});
