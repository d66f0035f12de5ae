import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/load/loadPlan.js';
import { readSource } from '../../src/load/readSource.js';
import { scenario, tempDir } from '../helpers.js';

const today = '2026-11-28';

describe('readSource', () => {
  it('reports invalid UTF-8 at the line and column of the bad byte', () => {
    const dir = tempDir();
    const path = join(dir, 'x.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from('id: a\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(readSource(path, 'x.yaml')).toEqual({
      finding: {
        file: 'x.yaml',
        line: 2,
        column: 11,
        rule: 'invalid-utf8',
        message: 'not UTF-8: invalid byte 0xe9 at byte offset 16',
        path: '',
        severity: 'error',
      },
    });
  });

  it('rejects overlong encodings and surrogates', () => {
    const dir = tempDir();
    const path = join(dir, 'x.yaml');
    writeFileSync(path, Buffer.from([0x61, 0xc0, 0xaf]));
    expect(readSource(path, 'x.yaml')).toMatchObject({ finding: { rule: 'invalid-utf8', line: 1, column: 2 } });
    writeFileSync(path, Buffer.from([0x61, 0x0a, 0xed, 0xa0, 0x80]));
    expect(readSource(path, 'x.yaml')).toMatchObject({ finding: { rule: 'invalid-utf8', line: 2, column: 1 } });
  });

  it('reports an empty file, a folder, a missing file and a symlink loop', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.yaml'), ' \n\n');
    mkdirSync(join(dir, 'folder.yaml'));
    symlinkSync(join(dir, 'loop-b.yaml'), join(dir, 'loop-a.yaml'));
    symlinkSync(join(dir, 'loop-a.yaml'), join(dir, 'loop-b.yaml'));
    const rule = (name: string) => {
      const result = readSource(join(dir, name), name);
      return 'finding' in result ? `${result.finding.rule}: ${result.finding.message}` : 'read';
    };
    expect(rule('empty.yaml')).toBe('empty-file: the file is empty');
    expect(rule('folder.yaml')).toBe('unreadable-file: a directory, not a file');
    expect(rule('missing.yaml')).toBe('unreadable-file: the file does not exist (or is a dangling symbolic link)');
    expect(rule('loop-a.yaml')).toBe('unreadable-file: a symbolic link loop');
  });

  it('drops a byte-order mark and keeps line numbers with CRLF line endings', () => {
    const cwd = scenario('unknown-unit');
    const file = join(cwd, 'plan', 'training.yaml');
    const crlf = '\ufeff' + readFileSync(file, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(file, crlf);
    const findings = loadPlan(join(cwd, 'plan'), { cwd, today }).findings;
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual(['plan/training.yaml:10:15 unknown-unit']);
  });
});
