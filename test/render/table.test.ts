import { describe, expect, it } from 'vitest';
import type { Activity, Party } from '../../src/model.js';
import { plain } from '../../src/render/style.js';
import { activitiesTable, MAIN_MIN_WIDTH, PIPED_MAX_COLUMN, wrap } from '../../src/render/table.js';

const parties: Party[] = [
  { id: 'frontex', name: 'European Border and Coast Guard Agency', short_name: 'Frontex' },
  { id: 'easo', name: 'European Asylum Support Office', short_name: 'EASO' },
] as Party[];

// Titles and unit lists as long as the signed plan's longest.
function activity(id: string, title: string, frontex: string[], easo: string[]): Activity {
  return { id, title, status: 'in-progress', units: { frontex, easo } } as unknown as Activity;
}
const activities = [
  activity('IA-1', 'Common Situational Picture on irregular migration and international protection', ['RAU', 'FSC', 'IFC', 'ECRet'], ['IAU', 'CSU']),
  activity('IA-2', 'Joint intelligence picture on secondary movements', ['RAU'], ['IAU']),
  activity('OC-1', 'Consistent approach to the Migration Management Support Teams (MMST)', ['FDU', 'PRU', 'TRU', 'SEC'], ['OU', 'TU', 'SS']),
  activity('CB-10', 'Cooperation in the area of fundamental rights', ['FRO'], ['FRO']),
];
const words = (text: string) => text.split(' ');

describe('the activities table on a terminal', () => {
  for (const width of [40, 60, 80, 120]) {
    it(`at ${width} columns: every line fits, and no word of a title is cut`, () => {
      const table = activitiesTable(activities, parties, { style: plain, width });
      const lines = table.trimEnd().split('\n');
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
      const tokens = new Set(lines.flatMap((line) => line.split(/\s+/)));
      for (const { title } of activities) for (const word of words(title)) expect(tokens, `"${word}" is cut`).toContain(word);
    });
  }

  it('wraps a unit list before it would cut a title word, as long as the title keeps a readable width', () => {
    // At 60 columns both lists of IA-1 cannot stay on one line beside a readable title.
    const table = activitiesTable(activities, parties, { style: plain, width: 60 });
    const lines = table.split('\n');
    const first = lines.findIndex((line) => line.startsWith('IA-1'));
    const last = lines.findIndex((line) => line.startsWith('IA-2'));
    const [title, frontex, easo] = ['Title', 'Frontex', 'EASO'].map((name) => lines[0]!.indexOf(name));
    const column = (from: number, to?: number) => lines.slice(first, last).map((line) => line.slice(from, to).trim()).filter(Boolean);
    expect(column(frontex!, easo).length).toBeGreaterThan(1);
    expect(column(frontex!, easo).join(' ')).toBe('RAU, FSC, IFC, ECRet');
    expect(column(title!, frontex).join(' ')).toBe(activities[0]!.title);
  });

  it('keeps the grid as long as the title column is readable, and makes each activity a block below that', () => {
    const grid = activitiesTable(activities, parties, { style: plain, width: 60 });
    expect(grid.split('\n')[0]).toMatch(/^ID +Status +Title +Frontex +EASO$/);

    const block = activitiesTable(activities, parties, { style: plain, width: 40 });
    expect(block).toContain(
      ['IA-1  in-progress', 'Common Situational Picture on irregular', 'migration and international protection', 'Frontex  RAU, FSC, IFC, ECRet', 'EASO     IAU, CSU', ''].join('\n'),
    );
    expect(block).not.toMatch(/^ID +Status/);
    expect(MAIN_MIN_WIDTH).toBeGreaterThan(10);
  });

  it('cuts only a word longer than any column could hold', () => {
    const long = 'x'.repeat(80);
    const table = activitiesTable([activity('IA-9', `A ${long} word`, ['RAU'], ['IAU'])], parties, { style: plain, width: 60 });
    for (const line of table.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    expect(table.match(/x{2,}/g)!.join('')).toHaveLength(80);
  });
});

describe('the activities table piped', () => {
  it('is one line per activity, each column as wide as its widest value', () => {
    const table = activitiesTable(activities, parties, { style: plain });
    const lines = table.trimEnd().split('\n');
    expect(lines).toHaveLength(activities.length + 1);
    const titleColumn = lines[0]!.indexOf('Title');
    const frontexColumn = lines[0]!.indexOf('Frontex');
    expect(frontexColumn - titleColumn).toBe(activities[0]!.title.length + 2);
    for (const line of lines.slice(1)) expect(line.indexOf('RAU') === -1 || line.indexOf(' RAU') + 1 >= frontexColumn).toBe(true);
  });

  it('a huge value overflows its own line and pads no other row', () => {
    const huge = 'word '.repeat(2_000).trim();
    const table = activitiesTable([...activities, activity('IA-9', huge, ['RAU'], ['IAU'])], parties, { style: plain });
    const lines = table.trimEnd().split('\n');
    const others = lines.filter((line) => !line.startsWith('IA-9'));
    for (const line of others) expect(line.length).toBeLessThan(PIPED_MAX_COLUMN + 40);
    expect(lines.find((line) => line.startsWith('IA-9'))).toMatch(/word {2}RAU +IAU$/);
  });
});

describe('wrap', () => {
  it('breaks between words, keeps every word, and cuts only what is wider than a line', () => {
    expect(wrap('RAU, FSC, IFC, ECRet', 10)).toEqual(['RAU, FSC,', 'IFC, ECRet']);
    expect(wrap('abcdefghij klm', 4)).toEqual(['abcd', 'efgh', 'ij', 'klm']);
    expect(wrap('', 5)).toEqual(['']);
  });

  it('counts a wide character as two columns', () => {
    expect(wrap('日本語 テキスト', 8)).toEqual(['日本語', 'テキスト']);
  });
});
