import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../../src/document/model.js';
import { documentDocx } from '../../src/render/documentDocx.js';
import { TemplateError } from '../../src/render/templateError.js';
import { docxParts, find, paragraphs, parseXml, tables } from '../docxChecks.js';
import { HOSTILE_STRINGS } from '../hostile.js';

const MARKUP = '</w:t></w:r></w:p><w:p><w:r><w:t>injected & <b>bold</b> ]]> <!-- x -->';
const LONG_WORD = 'Unbreakable'.repeat(600);
const HOSTILE = [...HOSTILE_STRINGS, MARKUP, LONG_WORD, 'non\ufffecharacter\uffff', 'tab\there', 'line\u2028separator'];

function model(text: string): DocumentModel {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: [text] },
    { kind: 'paragraph', text: [text, { text, strong: true }, { text, code: true }, { text, href: text }] },
    { kind: 'list', items: [[text], [text]] },
    { kind: 'table', table: { head: [[text], ['B']], rows: [[[text], { blocks: [{ kind: 'heading', level: 3, text: [text] }, { kind: 'paragraph', text: [text] }] }]], widths: [0.5, 0.5] } },
    { kind: 'signatures', intro: [text], signatories: [{ party: text, name: text, role: text }, { party: 'B' }] },
    { kind: 'paragraph', role: 'warning', text: [text] },
  ];
  return { meta: { title: text, subject: text, keywords: [text], date: '2024-02-29', language: 'en' }, blocks };
}

// Characters XML 1.0 cannot hold, or that a word processor would obey rather than show.
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\ufffe\uffff]/;

describe('documentDocx', () => {
  it('gives a well-formed document for any plan text: control characters, markup, very long words', async () => {
    for (const text of HOSTILE) {
      const parts = docxParts(await documentDocx(model(text)));
      for (const [name, xml] of Object.entries(parts)) expect(RAW.exec(xml), `${name} for ${JSON.stringify(text.slice(0, 40))}`).toBeNull();
      const document = parseXml(parts['word/document.xml']!);
      // Markup in the data stays text: one heading, the body's paragraphs as the model has them.
      expect(find(document, 'w:tbl')).toHaveLength(2);
      expect(paragraphs(document).filter((paragraph) => paragraph.style === 'Heading1')).toHaveLength(1);
    }
    const parts = docxParts(await documentDocx(model(MARKUP)));
    expect(paragraphs(parseXml(parts['word/document.xml']!))[0]!.text).toBe(MARKUP);
    expect(parts['docProps/core.xml']).toContain('<dc:title>&lt;/w:t&gt;');
    const long = tables(parseXml(docxParts(await documentDocx(model(LONG_WORD)))['word/document.xml']!))[0]!;
    expect(long.layout).toBe('fixed');
    expect(long.rows[1]![0]).toBe(LONG_WORD);
  });

  it('shows control characters as \\u{…}, as every other format does', async () => {
    const document = parseXml(docxParts(await documentDocx(model('bell\u0007 and \u202ereversed')))['word/document.xml']!);
    expect(paragraphs(document)[0]!.text).toBe('bell\\u{7} and \\u{202e}reversed');
  });

  it('gives the same bytes for the same document, in any time zone', async () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = await documentDocx(model('same'));
      process.env.TZ = 'Pacific/Kiritimati';
      const ahead = await documentDocx(model('same'));
      process.env.TZ = 'America/Santiago';
      const behind = await documentDocx(model('same'));
      expect(Buffer.from(ahead).equals(Buffer.from(utc))).toBe(true);
      expect(Buffer.from(behind).equals(Buffer.from(utc))).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('takes the styles and theme of a template, its Body Text included', async () => {
    const files = unzipSync(await documentDocx(model('x')));
    const styles = strFromU8(files['word/styles.xml']!).replace(
      /<w:style [^>]*w:styleId="BodyText"[\s\S]*?<\/w:style>/,
      '<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:rPr><w:rFonts w:ascii="Garamond" w:hAnsi="Garamond"/></w:rPr></w:style>',
    );
    const theme = strFromU8(files['word/theme/theme1.xml']!).replace(/<a:latin typeface="[^"]*"/, '<a:latin typeface="Gill Sans"');
    const template = zipSync({ ...files, 'word/styles.xml': strToU8(styles), 'word/theme/theme1.xml': strToU8(theme) });
    const parts = docxParts(await documentDocx(model('x'), { template }));
    expect(parts['word/styles.xml']).toContain('w:styleId="BodyText"><w:name w:val="Body Text"/><w:rPr><w:rFonts w:ascii="Garamond"');
    expect(parts['word/theme/theme1.xml']).toContain('Gill Sans');
  });

  it('says why a template cannot serve', async () => {
    await expect(documentDocx(model('x'), { template: strToU8('not a zip') })).rejects.toThrow(TemplateError);
    await expect(documentDocx(model('x'), { template: zipSync({ 'a.txt': strToU8('a') }) })).rejects.toThrow('has no styles (word/styles.xml): not a Word document or template');
  });
});
