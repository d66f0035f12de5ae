import { describe, expect, it, vi } from 'vitest';
import { parseYaml } from '../../src/load/parseYaml.js';

const findings = (text: string) => parseYaml(text, 'x.yaml').findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);

describe('parseYaml', () => {
  it('puts an unexpected end of input on the last line the file has', () => {
    expect(findings('id: x\nlist: [a, b\n')).toEqual([expect.stringMatching(/^2:\d+ yaml-syntax /)]);
    expect(findings('id: x\nlist: [a, b')).toEqual([expect.stringMatching(/^2:\d+ yaml-syntax /)]);
    expect(findings('id: "x\n\n')).toEqual([expect.stringMatching(/^[12]:\d+ yaml-syntax /)]);
  });

  it('refuses tags whose data JSON cannot hold, and unknown tags', () => {
    for (const tag of ['!!timestamp 2019-07-18', '!!binary aGVsbG8=', '!!set {a}', '!!omap [a: 1]', '!!pairs [a: 1]', '!local x']) {
      const [finding] = findings(`id: ${tag}\n`);
      expect(finding, tag).toMatch(/^1:5 yaml-syntax unknown tag !\S+: a plan holds only text, numbers, true and false, null, lists and mappings$/);
    }
    expect(parseYaml('a: !!str 1\nb: !!int "2"\nc: !!map {}\nd: !!seq []\n', 'x.yaml').data).toEqual({ a: '1', b: 2, c: {}, d: [] });
  });

  it('writes nothing past the output: no warning for a mapping used as a key', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      expect(parseYaml('? [a, b]\n: c\n', 'x.yaml').data).toEqual({ '[ a, b ]': 'c' });
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('reports a second document', () => {
    expect(findings('id: x\n---\nid: y\n')).toEqual([expect.stringMatching(/^2:1 yaml-syntax Source contains multiple documents/)]);
  });

  it('reports duplicate keys even after a syntax error, at each key after the first', () => {
    expect(findings('a: 1\na: 2\nb: [\n')).toEqual([
      '2:1 duplicate-key duplicate key "a"',
      '3:5 yaml-syntax Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });
});
