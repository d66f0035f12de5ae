import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csv } from '../../src/render/csv.js';

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
});
