// Writes a valid plan of `activities` activities spread over `files` area files, in the shape of
// the shipped plan (same parties and units, activity texts drawn from it), for benchmarks.
// Dates are quoted so that YAML 1.1 readers (ajv-cli) read them as strings too.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));

export function writeSyntheticPlan(dir, activities, files = 100) {
  const shipped = join(root, 'plan');
  const meta = parse(readFileSync(join(shipped, 'plan.yaml'), 'utf8'));
  const samples = meta.areas.flatMap((area) => parse(readFileSync(join(shipped, `${area}.yaml`), 'utf8')).activities);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(shipped, 'units.yaml'), join(dir, 'units.yaml'));
  const areaIds = [];
  const perFile = Math.ceil(activities / files);
  for (let f = 0; f < files; f++) {
    const id = `area-${String(f + 1).padStart(4, '0')}`;
    const prefix = `A${f + 1}`;
    areaIds.push(id);
    const lines = [
      '# yaml-language-server: $schema=../schemas/area.schema.json',
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
    writeFileSync(join(dir, `${id}.yaml`), `${lines.join('\n')}\n`);
  }
  const planYaml = readFileSync(join(shipped, 'plan.yaml'), 'utf8').replace(/\nareas:\n(?:  - .*\n)+/, `\nareas:\n${areaIds.map((id) => `  - ${id}\n`).join('')}`);
  writeFileSync(join(dir, 'plan.yaml'), planYaml);
  return dir;
}
