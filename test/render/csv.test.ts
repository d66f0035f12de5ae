import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csv, defuseFormula } from '../../src/render/csv.js';

describe('csv (RFC 4180)', () => {
  it('quotes only the fields that need it, doubles quotes, ends every record with CRLF', () => {
    expect(csv([['id', 'title', 'n'], ['A-1', 'plain', 3], ['A-2', 'one, two', 0], ['A-3', 'say "hi"', 1], ['A-4', 'two\nlines', 2]])).toBe(
      'id,title,n\r\nA-1,plain,3\r\nA-2,"one, two",0\r\nA-3,"say ""hi""",1\r\nA-4,"two\nlines",2\r\n',
    );
  });

  it('reads back exactly with a strict CSV parser', () => {
    const rows = [
      ['id', 'text'],
      ['A-1', ' leading and trailing spaces '],
      ['A-2', '"'],
      ['A-3', ',,,'],
      ['A-4', 'a\n\nparagraph'],
      ['A-5', ''],
    ];
    expect(parse(csv(rows), { relax_quotes: false, record_delimiter: '\r\n' })).toEqual(rows);
  });

  it('neutralises escape sequences and bare carriage returns but keeps line breaks', () => {
    const text = (parse(csv([['x\u001b[31my\rz\nw']])) as string[][])[0]![0]!;
    expect(text).not.toMatch(/[\u001b\r]/);
    expect(text).toContain('\n');
  });

  it('prefixes with a single quote a cell a spreadsheet would run as a formula', () => {
    const cells = ['=1+1', '=HYPERLINK("https://example.invalid/","x")', '+cmd', '-1+cmd|\' /C calc\'!A0', '@SUM(A1:A2)', '\tTAB', '-', '=', '+1e3'];
    expect(cells.map(defuseFormula)).toEqual(cells.map((cell) => `'${cell}`));
    expect(parse(csv([cells]))).toEqual([cells.map((cell) => `'${cell}`)]);
    // A carriage return is escaped by sanitize before it could start a cell.
    expect(csv([['\rCR']])).toBe('\\u{d}CR\r\n');
  });

  it('keeps numbers, dates and text that only contain those characters later on as they are', () => {
    const cells = ['-3', '+3', '-0.5', '2019-07-18', 'a=b', 'x-1', 'user@example.invalid', ' =not at the start', "'quoted"];
    expect(cells.map(defuseFormula)).toEqual(cells);
    expect(parse(csv([cells]))).toEqual([cells]);
  });
});
