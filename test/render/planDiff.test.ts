import { describe, expect, it } from 'vitest';
import type { PlanChanges } from '../../src/domain/planChanges.js';
import { planDiffJson, planDiffMarkdown, planDiffText, versionName } from '../../src/render/planDiff.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { sanitize } from '../../src/text/sanitize.js';
import { plain } from '../../src/render/style.js';

const hostile = 'Evil \u001b]8;;https://example.org\u0007link\u001b]8;;\u0007 | @someone <img src=x> *bold* [x](y)\nnext line';

const changes: PlanChanges = {
  base: {
    revision: 'main',
    commit: '0123456789abcdef0123456789abcdef01234567',
  },
  head: { revision: null, commit: null },
  complete: true,
  warnings: [],
  diff: {
    scope: ['north-south'],
    plans: {
      added: [],
      removed: [],
      changed: [
        {
          id: 'north-south',
          title: 'A plan',
          diff: {
            planFields: [
              {
                field: 'title',
                from: 'Old',
                to: hostile,
                words: [
                  { text: 'Old', removed: true },
                  { text: hostile, added: true },
                ],
              },
            ],
            activities: {
              added: [
                {
                  id: 'AN-3',
                  title: hostile,
                  status: 'planned',
                  area: 'analysis',
                },
              ],
              removed: [],
              changed: [
                {
                  id: 'AN-1',
                  title: hostile,
                  status: {
                    from: 'planned',
                    to: 'completed',
                    date: '2024-03-01',
                    note: hostile,
                  },
                  units: [],
                  fields: ['text'],
                  changes: [
                    {
                      field: 'text',
                      from: 'old',
                      to: hostile,
                      words: [
                        { text: 'old', removed: true },
                        { text: hostile, added: true },
                      ],
                    },
                  ],
                  history: [{ date: '2024-03-01', status: 'completed', note: hostile }],
                },
              ],
            },
            units: { added: [], removed: [] },
            areas: { added: [], removed: [] },
          },
        },
      ],
    },
    organisations: {
      added: [
        {
          id: 'east',
          name: hostile,
          short_name: hostile,
          units: [{ code: 'EU', name: hostile }],
        },
      ],
      removed: [],
      changed: [
        {
          id: 'north',
          short_name: 'North',
          fields: [{ field: 'short_name', from: 'North', to: hostile }],
          units: {
            added: [{ code: 'SEC', name: hostile }],
            removed: [],
            ended: [{ code: 'TU', name: hostile, until: '2024-01-31' }],
            replaced: [{ code: 'TU', name: hostile, replaced_by: ['SEC'], kind: 'merged', with: [] }],
          },
        },
      ],
    },
  },
};

describe('plan diff renderers', () => {
  it('name versions by revision and short commit, or the working tree', () => {
    expect(versionName(changes.base)).toBe('main (0123456)');
    expect(
      versionName({
        revision: '0123456789',
        commit: '0123456789abcdef0123456789abcdef01234567',
      }),
    ).toBe('0123456');
    expect(versionName(changes.head)).toBe('the working tree');
  });

  it('keep escape sequences and line breaks from plan text out of the terminal', () => {
    const text = planDiffText(changes, plain);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    // The hyperlink's escape sequences are shown, not obeyed; the line break becomes a space.
    expect(text).toContain(`  + AN-3  planned  ${sanitize(hostile)}  (analysis)`);
    expect(text).toContain(`  + east  ${sanitize(hostile)}  ${sanitize(hostile)}`);
    expect(text).toContain(`  north  short_name: [-North-] → {+${sanitize(hostile)}+}`);
    expect(text).toContain(`  + north SEC  ${sanitize(hostile)}`);
    expect(text).toContain(`  north TU  until 2024-01-31  ${sanitize(hostile)}`);
    expect(text).toContain(`  north TU  → SEC (merged)  ${sanitize(hostile)}`);
    expect(sanitize(hostile)).toBe('Evil \\u{1b}]8;;https://example.org\\u{7}link\\u{1b}]8;;\\u{7} | @someone <img src=x> *bold* [x](y) next line');
  });

  it('escape Markdown, HTML and mentions in plan text', () => {
    const markdown = planDiffMarkdown(changes);
    expect(markdown).toContain(`| AN-3 | ${escapeMarkdown(hostile, 'line')} | planned | analysis |`);
    expect(escapeMarkdown(hostile, 'line')).toContain(' \\| \\@someone \\<img src=x\\> \\*bold\\* \\[x\\](y) next line');
    expect(markdown).not.toMatch(/[^\\]<img|[^\\]@someone|\u001b/);
    // Every row keeps its columns (added, status change, history entry, field change, unit): the pipes in plan text are escaped.
    const cells = (line: string) => line.split(/(?<!\\)\|/).length - 2;
    const rows = markdown.split('\n').filter((line) => line.startsWith('| AN-') || line.startsWith('| north') || line.startsWith('| east'));
    // Organisation added, organisation field, units added (of the added one and of north), ended, replaced (with its change); then the plan's.
    expect(rows.map(cells)).toEqual([4, 3, 3, 3, 4, 5, 4, 6, 5, 4]);
  });

  it('give JSON with the plan text as it is', () => {
    const json = JSON.parse(planDiffJson(changes)) as {
      activities: { added: { title: string }[] };
    };
    expect(json.activities.added[0]!.title).toBe(hostile);
    expect(Object.keys(JSON.parse(planDiffJson(changes)) as object)).toEqual([
      'base',
      'head',
      'complete',
      'warnings',
      'scope',
      'plans',
      'organisations',
      'plan_fields',
      'activities',
      'units',
      'areas',
    ]);
    expect(
      (
        JSON.parse(planDiffJson(changes)) as {
          organisations: { added: { name: string }[] };
        }
      ).organisations.added[0]!.name,
    ).toBe(hostile);
  });
});
