import { crc32, deflateRawSync } from 'node:zlib';
import type * as Docx from 'docx';
import type * as FflateModule from 'fflate';
import { chartTable } from '../document/chartTable.js';
import type { Block, Cell, DocumentModel, Inline, Signatory, Table } from '../document/model.js';
import { wordLibraries, type DocxModule, type Fflate } from '../wordLibraries.js';
import { sanitize } from '../text/sanitize.js';
import { TemplateError } from './templateError.js';

/** What a Word document may take beyond its content. */
export interface DocxOptions {
  /** A .docx or .dotx whose styles and theme (fonts, colours) the document takes. */
  template?: Uint8Array;
}

// A4 with margins of 2 cm, in twentieths of a point: tables are laid out in fixed widths of this text width.
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BODY = 'BodyText';
const BULLETS = 'bullets';
const NUMBERED = 'numbered';
const BODY_STYLE = { id: BODY, name: 'Body Text', basedOn: 'Normal', next: BODY, quickFormat: true, paragraph: { spacing: { after: 120 } } };
// Word's built-in heading styles, given sizes and spacing for a document made without a template.
const HEADING_STYLES = [
  { level: 1, size: 36, before: 0, after: 240 },
  { level: 2, size: 28, before: 360, after: 120 },
  { level: 3, size: 22, before: 120, after: 80 },
  { level: 4, size: 22, before: 240, after: 80 },
].map(({ level, size, before, after }) => ({
  id: `Heading${level}`,
  name: `heading ${level}`,
  basedOn: 'Normal',
  next: BODY,
  quickFormat: true,
  run: { size, bold: true, color: '1F3864' },
  paragraph: { keepNext: true, spacing: { before, after }, outlineLevel: level - 1 },
}));
// Characters XML 1.0 cannot hold at all; sanitize shows every other unsafe one as \u{…} already.
const NOT_XML = /[\ufffe\uffff]/g;

/**
 * A document as a Word file (Office Open XML): Heading 1–4 styles (Word's navigation pane),
 * body text in the Body Text style a house template can restyle, tables of fixed widths with
 * the header row repeated on every page, page numbers, the document properties and language.
 * The bytes depend on the document and the template alone: the zip's timestamps and the
 * properties' dates are the document's own date.
 */
export async function documentDocx(document: DocumentModel, options: DocxOptions = {}): Promise<Uint8Array> {
  const { docx, fflate } = wordLibraries();
  const render = renderer(docx);
  const { meta } = document;
  const language = meta.language;
  const template = options.template === undefined ? undefined : templateParts(options.template, docx, fflate);
  const file = new docx.Document({
    title: plain(meta.title),
    ...(meta.subject !== undefined && { subject: plain(meta.subject) }),
    ...(meta.keywords !== undefined && { keywords: plain(meta.keywords.join(', ')) }),
    creator: 'plan',
    lastModifiedBy: 'plan',
    revision: 1,
    ...(template && { externalStyles: template.styles }),
    ...(template?.theme && { theme: template.theme }),
    styles: {
      default: { document: { run: { language: { value: language }, ...(template ? {} : { size: 22 }) } } },
      // A template brings its own styles; given here, ours would take their place.
      paragraphStyles: template ? (template.hasBodyText ? [] : [BODY_STYLE]) : [BODY_STYLE, ...HEADING_STYLES],
    },
    numbering: {
      config: [
        { reference: BULLETS, levels: [{ level: 0, format: docx.LevelFormat.BULLET, text: '•', alignment: docx.AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 360 } } } }] },
        { reference: NUMBERED, levels: [{ level: 0, format: docx.LevelFormat.DECIMAL, text: '%1.', alignment: docx.AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 360 } } } }] },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin } } },
        footers: {
          default: new docx.Footer({
            children: [
              new docx.Paragraph({
                alignment: docx.AlignmentType.CENTER,
                children: [new docx.TextRun({ children: ['Page ', docx.PageNumber.CURRENT, ' of ', docx.PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: document.blocks.flatMap((block) => render.block(block)),
      },
    ],
  });
  return packed(file, meta.date ?? '2000-01-01', language, docx, fflate);
}

type FileChild = Docx.Paragraph | Docx.Table;

function renderer(docx: DocxModule) {
  const headings = [docx.HeadingLevel.HEADING_1, docx.HeadingLevel.HEADING_2, docx.HeadingLevel.HEADING_3, docx.HeadingLevel.HEADING_4] as const;
  let lists = 0;

  const runs = (text: readonly Inline[], extra: { bold?: boolean; size?: number } = {}): Docx.ParagraphChild[] =>
    text.flatMap((run) => {
      const value = typeof run === 'string' ? { text: run } : run;
      const shown = value.href === undefined ? value.text : `${value.text} (${value.href})`;
      return plain(shown, true)
        .split('\n')
        .map(
          (line, index) =>
            new docx.TextRun({
              text: line,
              ...(index > 0 && { break: 1 }),
              ...((typeof run !== 'string' && run.strong) || extra.bold ? { bold: true } : {}),
              ...(extra.size !== undefined && { size: extra.size }),
              ...(typeof run !== 'string' && run.emphasis && { italics: true }),
              ...(typeof run !== 'string' && run.code && { font: 'Courier New' }),
            }),
        );
    });

  const paragraph = (text: readonly Inline[], options: Partial<Docx.IParagraphOptions> = {}) => new docx.Paragraph({ style: BODY, ...options, children: runs(text) });

  const block = (node: Block): FileChild[] => {
    switch (node.kind) {
      case 'heading':
        return [new docx.Paragraph({ heading: headings[node.level - 1], keepNext: true, children: runs(node.text) })];
      case 'paragraph':
        return [
          paragraph(node.text, node.role === 'warning' ? { border: { left: { style: docx.BorderStyle.SINGLE, size: 12, color: 'C00000', space: 8 } }, indent: { left: 240 } } : {}),
        ];
      case 'list': {
        const instance = ++lists;
        return node.items.map((item) => paragraph(item, { numbering: { reference: node.ordered ? NUMBERED : BULLETS, level: 0, ...(node.ordered && { instance }) } }));
      }
      case 'table':
        return [table(node.table)];
      case 'signatures':
        return signatures(node.intro, node.signatories);
      case 'chart': {
        // Until charts are drawn as images, Word shows the figures the chart is drawn from.
        const title = paragraph([{ text: node.chart.title, strong: true }], { keepNext: true });
        return [title, table(node.table ?? chartTable(node.chart)), paragraph([])];
      }
      case 'section':
        return node.blocks.flatMap(block);
    }
  };

  const cellWidth = (share: number) => Math.round(share * TEXT_WIDTH);

  const table = (data: Table): FileChild => {
    const widths = data.widths.map(cellWidth);
    const cell = (value: Cell, column: number, head: boolean) =>
      new docx.TableCell({
        width: { size: widths[column] ?? 0, type: docx.WidthType.DXA },
        margins: { top: 40, bottom: 40, left: 70, right: 70 },
        ...(head && { shading: { type: docx.ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } }),
        children:
          'blocks' in value
            ? value.blocks.flatMap(block).filter((child): child is Docx.Paragraph => child instanceof docx.Paragraph)
            : [
                new docx.Paragraph({
                  style: BODY,
                  spacing: { after: 0 },
                  ...(data.numeric?.[column] && !head && { alignment: docx.AlignmentType.RIGHT }),
                  children: runs(value, { bold: head, size: 20 }),
                }),
              ],
      });
    const rows = [
      new docx.TableRow({ tableHeader: true, cantSplit: true, children: data.head.map((value, column) => cell(value, column, true)) }),
      ...data.rows.map((row) => new docx.TableRow({ children: row.map((value, column) => cell(value, column, false)) })),
    ];
    return new docx.Table({ width: { size: TEXT_WIDTH, type: docx.WidthType.DXA }, columnWidths: widths, layout: docx.TableLayoutType.FIXED, rows });
  };

  // The signing sentence, then one column per party in signed order: "For X", the role, room to sign, the name.
  const signatures = (intro: readonly Inline[] | undefined, signatories: readonly Signatory[]): FileChild[] => {
    const children: FileChild[] = intro ? [paragraph(intro, { keepNext: true })] : [];
    if (signatories.length === 0) return children;
    const none = { style: docx.BorderStyle.NONE, size: 0, color: 'auto' };
    const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
    const width = Math.floor(TEXT_WIDTH / signatories.length);
    const column = (lines: (signatory: Signatory) => Docx.Paragraph[]) => signatories.map((signatory) => new docx.TableCell({ width: { size: width, type: docx.WidthType.DXA }, children: lines(signatory) }));
    const rows = [
      new docx.TableRow({ tableHeader: true, cantSplit: true, children: column(({ party }) => [paragraph([{ text: `For ${party}`, strong: true }], { keepNext: true })]) }),
      new docx.TableRow({
        cantSplit: true,
        children: column(({ name, role }) => [
          paragraph([role ?? '–'], { keepNext: true }),
          new docx.Paragraph({ style: BODY, spacing: { before: 720 }, border: { top: { style: docx.BorderStyle.SINGLE, size: 4, color: '000000', space: 4 } }, children: runs([name ?? '–']) }),
        ]),
      }),
    ];
    children.push(new docx.Table({ width: { size: width * signatories.length, type: docx.WidthType.DXA }, columnWidths: signatories.map(() => width), layout: docx.TableLayoutType.FIXED, borders, rows }));
    return children;
  };

  return { block };
}

// Plan text as Word may hold it: unsafe characters shown as \u{…}, tabs as spaces; line breaks kept only where asked.
function plain(text: string, keepNewlines = false): string {
  return sanitize(text, { keepNewlines }).replace(/\t/g, ' ').replace(NOT_XML, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
}

function templateParts(bytes: Uint8Array, docx: DocxModule, fflate: Fflate) {
  let files: Record<string, Uint8Array>;
  try {
    files = fflate.unzipSync(bytes, { filter: (entry) => entry.name === 'word/styles.xml' });
  } catch {
    throw new TemplateError('not a Word document or template (.docx, .dotx): it is not a zip file');
  }
  const styles = files['word/styles.xml'];
  if (!styles) throw new TemplateError('has no styles (word/styles.xml): not a Word document or template');
  const text = fflate.strFromU8(styles);
  let theme: Docx.IThemeOptions | undefined;
  try {
    theme = docx.readTheme(bytes);
  } catch {
    theme = undefined;
  }
  return { styles: text, theme, hasBodyText: /<w:style\b[^>]*w:styleId="BodyText"/.test(text) };
}

// The same document gives the same bytes: the properties' dates and every zip entry's time are the
// document's own date. The parts come from docx's compiler, so they are deflated once; should a
// later docx hide it, its public packer's zip is unpacked and packed again, slower, to the same end.
async function packed(file: Docx.Document, date: string, language: string, docx: DocxModule, fflate: Fflate): Promise<Uint8Array> {
  const compiler = (docx.Packer as unknown as { compiler?: { compile(file: Docx.Document): Map<string, string | Uint8Array> } }).compiler;
  const parts: Record<string, Uint8Array> = compiler
    ? Object.fromEntries([...compiler.compile(file)].map(([name, data]) => [name, typeof data === 'string' ? fflate.strToU8(data) : data]))
    : fflate.unzipSync(new Uint8Array(await docx.Packer.toBuffer(file)));
  const stamp = `${date}T00:00:00Z`;
  const core = parts['docProps/core.xml'];
  if (core) {
    const xml = fflate
      .strFromU8(core)
      .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${stamp}`)
      .replace('</cp:coreProperties>', `<dc:language>${language.replace(/[^A-Za-z0-9-]/g, '')}</dc:language></cp:coreProperties>`);
    parts['docProps/core.xml'] = fflate.strToU8(xml);
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // Local noon: zip times are local, and noon exists on every day in every zone.
  const mtime = new Date(year, month - 1, day, 12);
  return zipped(parts, mtime, fflate);
}

// fflate lays out the zip; Node's own zlib deflates each part, many times faster than fflate's JavaScript
// (the bytes are then those of the zlib that Node.js ships, the same for every run of one Node.js).
function zipped(parts: Record<string, Uint8Array>, mtime: Date, fflate: Fflate): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new fflate.Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [filename, data] of Object.entries(parts)) {
    const file: FflateModule.ZipInputFile = { filename, size: data.length, crc: crc32(data), compression: 8, mtime };
    zip.add(file);
    file.ondata!(null, deflateRawSync(data, { level: 6 }), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}
