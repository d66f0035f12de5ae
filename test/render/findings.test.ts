import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import { findingsGithub, findingsJson, findingsText } from '../../src/render/findings.js';
import { plain } from '../../src/render/style.js';

const findings: Finding[] = [
  {
    file: 'plan/capacity-building.yaml',
    line: 41,
    column: 9,
    rule: 'unknown-unit',
    message: 'frontex has no unit "RUA" (did you mean RAU?)',
    path: '/activities/3/units/frontex/0',
    severity: 'error',
  },
  {
    file: 'plan/training.yaml',
    line: 16,
    column: 21,
    rule: 'related-one-way',
    message: 'TR-1 lists AN-2 as related, but 100%,\nnot back',
    path: '/activities/0/related/1',
    severity: 'warning',
  },
];

describe('findings formats', () => {
  it('text: one line per finding, then a count', () => {
    expect(findingsText(findings, plain)).toBe(
      'plan/capacity-building.yaml:41:9 error unknown-unit frontex has no unit "RUA" (did you mean RAU?)\n' +
        'plan/training.yaml:16:21 warning related-one-way TR-1 lists AN-2 as related, but 100%, not back\n' +
        '1 error, 1 warning\n',
    );
  });

  it('json: valid, errors and warnings with every field', () => {
    const parsed = JSON.parse(findingsJson(findings));
    expect(Object.keys(parsed)).toEqual(['valid', 'errors', 'warnings']);
    expect(parsed.valid).toBe(false);
    expect(parsed.errors).toEqual([
      {
        file: 'plan/capacity-building.yaml',
        line: 41,
        column: 9,
        rule: 'unknown-unit',
        message: 'frontex has no unit "RUA" (did you mean RAU?)',
        path: '/activities/3/units/frontex/0',
      },
    ]);
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0].rule).toBe('related-one-way');
    expect(JSON.parse(findingsJson([]))).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it('github: workflow commands with escaped properties and data', () => {
    expect(findingsGithub(findings)).toBe(
      '::error file=plan/capacity-building.yaml,line=41,col=9,title=unknown-unit::frontex has no unit "RUA" (did you mean RAU?)\n' +
        '::warning file=plan/training.yaml,line=16,col=21,title=related-one-way::TR-1 lists AN-2 as related, but 100%25, not back\n',
    );
  });

  it('neutralises control characters from the data', () => {
    const hostile: Finding = { ...findings[0]!, message: 'no unit "\u001b]8;;http://x\u0007R\u001b[31mAU\u0007"' };
    expect(findingsText([hostile], plain)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(findingsGithub([hostile])).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
