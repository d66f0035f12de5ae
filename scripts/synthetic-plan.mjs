// Writes a valid workspace `dir` of one plan, `synthetic`, of `activities` activities spread over
// `files` area files, in the shape of the Frontex–EASO plan of the workspace `from` (its
// organisations, parties and units, activity texts drawn from it), for benchmarks and tests.
// Dates are quoted so that YAML 1.1 readers (ajv-cli) read them as strings too.
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The plan folder of a synthetic workspace. */
export const SYNTHETIC_PLAN = 'synthetic';

export function writeSyntheticPlan(dir, activities, files = 100, from = join(root, 'plan')) {
  const shipped = join(from, 'frontex-easo-2019');
  const meta = parse(readFileSync(join(shipped, 'plan.yaml'), 'utf8'));
  const samples = meta.areas.flatMap((area) => parse(readFileSync(join(shipped, `${area}.yaml`), 'utf8')).activities);
  const planDir = join(dir, SYNTHETIC_PLAN);
  mkdirSync(planDir, { recursive: true });
  cpSync(join(from, 'organisations'), join(dir, 'organisations'), { recursive: true });
  writeFileSync(join(dir, 'workspace.yaml'), `plans:\n  - ${SYNTHETIC_PLAN}\n`);
  const areaIds = [];
  const perFile = Math.ceil(activities / files);
  for (let f = 0; f < files; f++) {
    const id = `area-${String(f + 1).padStart(4, '0')}`;
    const prefix = `A${f + 1}`;
    areaIds.push(id);
    const lines = [
      '# yaml-language-server: $schema=../../schemas/area.schema.json',
      `id: ${id}`,
      `title: Synthetic area ${f + 1}`,
      `prefix: ${prefix}`,
      'activities:',
    ];
    const count = Math.min(perFile, activities - f * perFile);
    for (let n = 1; n <= count; n++) {
      const sample = samples[(f * perFile + n) % samples.length];
      lines.push(`  - id: ${prefix}-${n}`, `    title: ${JSON.stringify(sample.title)}`, `    status: ${sample.status}`, '    units:');
      for (const [party, codes] of Object.entries(sample.units)) lines.push(`      ${party}: [${codes.join(', ')}]`);
      if (sample.with) lines.push(`    with: [${sample.with.map((w) => JSON.stringify(w)).join(', ')}]`);
      lines.push(`    text: ${JSON.stringify(sample.text)}`);
      if (sample.actions) {
        lines.push('    actions:');
        for (const action of sample.actions) lines.push(`      - ${JSON.stringify(action)}`);
      }
      lines.push('    history:', `      - date: '2019-07-18'`, `        status: ${sample.status}`);
    }
    writeFileSync(join(planDir, `${id}.yaml`), `${lines.join('\n')}\n`);
  }
  const planYaml = readFileSync(join(shipped, 'plan.yaml'), 'utf8').replace(/\nareas:\n(?:  - .*\n)+/, `\nareas:\n${areaIds.map((id) => `  - ${id}\n`).join('')}`);
  writeFileSync(join(planDir, 'plan.yaml'), planYaml);
  return dir;
}

/**
 * Writes a valid workspace `dir` of `plans` plans, `activities` activities in all, each plan a
 * synthetic plan of the Frontex–EASO shape with `files` area files; returns `dir`.
 */
export function writeSyntheticWorkspace(dir, plans, activities, files = 4, from = join(root, 'plan')) {
  const ids = [];
  const perPlan = Math.ceil(activities / plans);
  for (let p = 0; p < plans; p++) {
    const id = `plan-${String(p + 1).padStart(4, '0')}`;
    ids.push(id);
    const count = Math.min(perPlan, activities - p * perPlan);
    // Each plan is written as a one-plan workspace, then moved into place: one shape, one writer.
    const single = writeSyntheticPlan(join(dir, '.one'), count, Math.min(files, count), from);
    renameSync(join(single, SYNTHETIC_PLAN), join(dir, id));
    if (p === 0) renameSync(join(single, 'organisations'), join(dir, 'organisations'));
    rmSync(single, { recursive: true, force: true });
  }
  writeFileSync(join(dir, 'workspace.yaml'), `plans:\n${ids.map((id) => `  - ${id}\n`).join('')}`);
  return dir;
}
