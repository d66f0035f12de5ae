import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity, CooperationPlan } from '../src/generated/schema-types.js';
import { STATUSES } from '../src/model.js';
import areaSchema from '../schemas/area.schema.json' with { type: 'json' };
import { root } from './helpers.js';

describe('code generated from schemas/', () => {
  it('is up to date (run npm run generate after editing a schema)', () => {
    expect(() => execFileSync(process.execPath, [join(root, 'scripts', 'generate.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('gives STATUSES exactly the schema enum', () => {
    expect([...STATUSES]).toEqual(areaSchema.$defs.status.enum);
  });

  it('types activities with the fixed field names', () => {
    const fields: Record<keyof Activity, true> = {
      id: true, title: true, status: true, units: true, with: true, text: true, actions: true, related: true, continues: true, history: true,
    };
    expect(Object.keys(fields)).toEqual(Object.keys(areaSchema.$defs.activity.properties));
    const plan: Pick<CooperationPlan, 'title'> = { title: 'x' };
    expect(plan.title).toBe('x');
  });
});
