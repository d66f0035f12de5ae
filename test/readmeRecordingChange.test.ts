import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Organisation, Unit } from '../src/model.js';
import { commitAll, initRepository } from './git/repository.js';
import { root, runPlan, shippedPlan, tempDir } from './helpers.js';

// The YAML examples of the README's "Recording change" section, in order.
function examples(): unknown[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Recording change'), readme.indexOf('\n## Commands'));
  return [...section.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((match) => parse(match[1]!) as unknown);
}

// The frozen shipped workspace in a git repository, with one example's units recorded in frontex.yaml.
function recorded(units: Unit[]): string {
  const cwd = tempDir();
  cpSync(shippedPlan, join(cwd, 'plan'), { recursive: true });
  initRepository(cwd);
  commitAll(cwd, 'as signed');
  const file = join(cwd, 'plan', 'organisations', 'frontex.yaml');
  const frontex = parse(readFileSync(file, 'utf8')) as Organisation;
  const list = [...(frontex.units ?? [])];
  for (const unit of units) {
    const at = list.findIndex((known) => known.code === unit.code);
    if (at === -1) list.push(unit);
    else list[at] = unit;
  }
  writeFileSync(file, `# yaml-language-server: $schema=../../../../../schemas/organisation.schema.json\n${stringify({ ...frontex, units: list })}`);
  return cwd;
}

const ids = async (cwd: string, unit: string) =>
  (JSON.parse((await runPlan(['list', '--unit', unit, '--format', 'json'], { cwd })).stdout) as { id: string }[]).map((activity) => activity.id);

describe('the README’s examples of recording change', () => {
  const [renamedOrganisation, renamedUnit, merger, split] = examples() as [Organisation, { units: Unit[] }, { units: Unit[] }, { units: Unit[] }];

  it('has the four examples, the organisation renamed as the shipped data records it', () => {
    expect(examples()).toHaveLength(4);
    const euaa = parse(readFileSync(join(shippedPlan, 'organisations', 'euaa.yaml'), 'utf8')) as Organisation;
    expect({ ...renamedOrganisation, units: euaa.units }).toEqual(euaa);
  });

  it('records each unit change in one edit that validates, the old code still answering and diff naming the change', async () => {
    for (const [example, old, successor, kind] of [
      [renamedUnit, 'TRU', 'TLU', 'renamed'],
      [merger, 'RAU', 'SAU', 'merged with VAU'],
      [split, 'ICU', 'ICE', 'split'],
    ] as const) {
      const before = recorded([]);
      const cwd = recorded(example.units);
      expect(await runPlan(['validate'], { cwd }), kind).toMatchObject({ code: 0, stdout: '0 errors, 0 warnings\n' });
      const carried = await ids(before, old);
      expect(carried.length, old).toBeGreaterThan(0);
      expect(await ids(cwd, old), old).toEqual(carried);
      expect((await ids(cwd, successor)).filter((id) => carried.includes(id)), successor).toEqual(carried);
      expect((await runPlan(['diff'], { cwd })).stdout, kind).toContain(`(${kind})`);
    }
    // The merged unit's work joins the other's: SAU finds what RAU and VAU carried.
    const merged = recorded(merger.units);
    const both = [...new Set([...(await ids(recorded([]), 'RAU')), ...(await ids(recorded([]), 'VAU'))])].sort();
    expect((await ids(merged, 'SAU')).sort()).toEqual(both);
  });
});
