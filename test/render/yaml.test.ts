import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { json } from '../../src/render/json.js';
import { yaml } from '../../src/render/yaml.js';

// Characters a terminal may obey or that reorder what it shows, which data output writes as escapes.
const INVISIBLE = ['\u001b[31m', '\u009b31m', '\u007f', '\u202e', '\u2066', '\u200b', '\ufeff', '\u2028'];
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

describe('data formats', () => {
  for (const char of INVISIBLE) {
    const value = { title: `before ${char} after`, list: [`${char}`], plain: 'x' };
    it(`JSON and YAML keep ${JSON.stringify(char)} exactly, written as an escape`, () => {
      expect(json(value)).not.toMatch(RAW);
      expect(JSON.parse(json(value))).toEqual(value);
      expect(yaml(value)).not.toMatch(RAW);
      expect(parse(yaml(value))).toEqual(value);
    });
  }

  it('YAML writes shared objects twice instead of as aliases, and long text on one line', () => {
    const units = { north: ['RAU'] };
    const text = 'word '.repeat(40).trim();
    const out = yaml([{ units, text }, { units, text }]);
    expect(out).not.toMatch(/[&*]a\d/);
    expect(out).toContain(`text: ${text}\n`);
  });
});
