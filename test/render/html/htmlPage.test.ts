import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../../src/document/model.js';
import { htmlPage } from '../../../src/render/html/htmlPage.js';

const zero = { planned: 0, 'in-progress': 0, ongoing: 0, completed: 0, 'on-hold': 0, cancelled: 0 };

/** Text that tries every way into a page: markup, event handlers, schemes, an end tag of the style sheet, entities and a control character. */
const HOSTILE = `<script>alert(1)</script><img src=x onerror="alert(2)"> javascript:alert(3) </style><style>*{}</style> &lt;b&gt; &#60;i&#62; ' " \u0007`;

const model = (text: string): DocumentModel => ({
  meta: { title: text, subject: text, keywords: [text], date: '2026-11-28', language: 'en' },
  blocks: [
    { kind: 'heading', level: 1, text: [text], anchor: text },
    { kind: 'paragraph', text: [text, { text, strong: true, href: `javascript:alert(4)` }, { text, title: text, anchor: text }, { text, href: '#IA-2' }] },
    { kind: 'list', items: [[text]] },
    { kind: 'table', table: { caption: text, head: [[text]], rows: [[[{ text, status: 'planned' }]], [{ blocks: [{ kind: 'paragraph', text: [text] }] }]], widths: [1] } },
    { kind: 'signatures', intro: [text], signatories: [{ party: text, name: text, role: text }] },
    { kind: 'section', id: text, blocks: [{ kind: 'chart', chart: { kind: 'stacked-bars', title: text, labelHead: text, bars: [{ label: text, name: text, counts: { ...zero, planned: 1 } }] } }] },
    { kind: 'chart', chart: { kind: 'heat-map', title: text, rows: [text], columns: [text], cells: [[1]], rowNames: [text], columnNames: [text], rowHeading: text, columnHeading: text } },
  ],
});

describe('htmlPage', () => {
  it('lets no markup from the data reach the page: every tag, attribute, scheme and entity arrives as text', () => {
    const page = htmlPage(model(HOSTILE));
    expect(page).not.toMatch(/<script|<img|<style>\*|href="javascript/i);
    // No tag of the page carries an event handler (attribute values, all quoted with ", set aside).
    expect(page.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page.match(/<\/style>/g)).toHaveLength(1);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&amp;lt;b&amp;gt; &amp;#60;i&amp;#62;');
    expect(page).toContain('\\u{7}');
    expect(page).not.toContain('\u0007');
    // Only the fragment link is a link.
    expect([...page.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1])).toEqual(['#IA-2']);
  });

  it('refers to nothing outside itself and says so in a policy that allows only its own style sheet', () => {
    const page = htmlPage(model('Plain'));
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'">`);
    expect(page).not.toMatch(/\b(?:src|href)="(?!#)|url\((?!#)|@import|<link|<script|\sstyle="/);
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"/);
  });

  it('gives the same bytes for the same model', () => {
    expect(htmlPage(model('Same'))).toBe(htmlPage(model('Same')));
  });

  it('draws each chart in a figure whose visible title names its SVG, with its numbers in a table beside it', () => {
    const page = htmlPage(model('Chart'));
    const figures = [...page.matchAll(/<figure id="(chart-\d+)">\n<figcaption id="(chart-\d+-title)">Chart<\/figcaption>\n<svg role="img" aria-labelledby="([^"]+)"/g)];
    expect(figures.map((match) => [match[1], match[2], match[3]])).toEqual([
      ['chart-1', 'chart-1-title', 'chart-1-title'],
      ['chart-2', 'chart-2-title', 'chart-2-title'],
    ]);
    expect(page.match(/<details><summary>The numbers: Chart<\/summary>\n<div class="table"><table>/g)).toHaveLength(2);
  });

  it('shows a status as a badge and a title as a tooltip, carrying the anchor', () => {
    const page = htmlPage(model('X'));
    expect(page).toContain('<span class="badge badge-planned">X</span>');
    expect(page).toContain('<abbr id="X" title="X">X</abbr>');
  });
});
