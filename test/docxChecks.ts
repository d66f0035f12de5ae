import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync, strFromU8 } from 'fflate';
import { expect } from 'vitest';

/** An element as fast-xml-parser gives it with preserveOrder: its tag, attributes and children in order. */
export interface XmlElement {
  tag: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false });

/** The parts of a Word file, unzipped; every XML part is well-formed or the test fails naming it. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
  for (const [name, text] of Object.entries(parts)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) expect(XMLValidator.validate(text), name).toBe(true);
  }
  return parts;
}

/** An XML part as a tree of elements. */
export function parseXml(text: string): XmlElement {
  const convert = (node: Record<string, unknown>): XmlElement | undefined => {
    const tag = Object.keys(node).find((key) => key !== ':@');
    if (tag === undefined) return undefined;
    if (tag === '#text') return { tag, attributes: {}, children: [], text: String(node[tag]) };
    const children = (node[tag] as Record<string, unknown>[]).map(convert).filter((child): child is XmlElement => child !== undefined);
    return { tag, attributes: (node[':@'] as Record<string, string>) ?? {}, children, text: '' };
  };
  const top = (parser.parse(text) as Record<string, unknown>[]).map(convert).filter((child): child is XmlElement => child !== undefined && child.tag !== '?xml');
  return { tag: '#document', attributes: {}, children: top, text: '' };
}

/** Every element named `tag` under `node`, in document order (not looking inside a match). */
export function find(node: XmlElement, tag: string): XmlElement[] {
  return node.children.flatMap((child) => (child.tag === tag ? [child] : find(child, tag)));
}

/** The first child element named `tag`. */
export function child(node: XmlElement, tag: string): XmlElement | undefined {
  return node.children.find((element) => element.tag === tag);
}

/** The text a reader sees in an element: its w:t runs, a w:br or w:tab as a space. */
export function textOf(node: XmlElement): string {
  if (node.tag === '#text') return node.text;
  if (node.tag === 'w:br' || node.tag === 'w:tab') return ' ';
  if (node.tag === 'w:instrText') return '';
  return node.children.map(textOf).join('');
}

/** A paragraph of the body: its style id and its text. */
export interface DocxParagraph {
  style: string | undefined;
  text: string;
}

/** The body's paragraphs, those inside tables included, in order. */
export function paragraphs(document: XmlElement): DocxParagraph[] {
  return find(document, 'w:p').map((paragraph) => ({ style: child(child(paragraph, 'w:pPr') ?? paragraph, 'w:pStyle')?.attributes['w:val'], text: textOf(paragraph) }));
}

/** Every top-level table of the body with what a word processor needs to keep its layout. */
export function tables(document: XmlElement) {
  return find(document, 'w:tbl').map((table) => {
    const properties = child(table, 'w:tblPr');
    const rows = table.children.filter((element) => element.tag === 'w:tr');
    return {
      width: child(properties!, 'w:tblW')?.attributes,
      layout: child(properties!, 'w:tblLayout')?.attributes['w:type'],
      grid: find(child(table, 'w:tblGrid')!, 'w:gridCol').map((column) => Number(column.attributes['w:w'])),
      headerRepeated: child(child(rows[0]!, 'w:trPr') ?? rows[0]!, 'w:tblHeader') !== undefined,
      cellWidths: rows.map((row) => row.children.filter((element) => element.tag === 'w:tc').map((cell) => child(child(cell, 'w:tcPr')!, 'w:tcW')?.attributes)),
      rows: rows.map((row) => row.children.filter((element) => element.tag === 'w:tc').map(textOf)),
    };
  });
}
