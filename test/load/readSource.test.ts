import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../helpers.js';
import { readSource } from '../../src/load/readSource.js';
import { invalidScenarios, MINIMAL_PLAN, scenario, tempDir, TODAY } from '../helpers.js';

const today = TODAY;

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
    const file = join(cwd, 'plan', MINIMAL_PLAN, 'training.yaml');
    const crlf = '\ufeff' + readFileSync(file, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(file, crlf);
    const findings = loadFixture(join(cwd, 'plan'), { cwd, today }).findings;
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual([`plan/${MINIMAL_PLAN}/training.yaml:10:15 unknown-unit`]);
  });

  it('counts columns in characters, as yaml and editors do, and lines ended by CRLF or a lone CR', () => {
    const dir = tempDir();
    const path = join(dir, 'x.yaml');
    const at = (...parts: (string | number[])[]) => {
      writeFileSync(path, Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part)))));
      const result = readSource(path, 'x.yaml');
      return 'finding' in result ? `${result.finding.line}:${result.finding.column} ${result.finding.message}` : 'read';
    };
    expect(at('title: café ', [0xff])).toBe('1:13 not UTF-8: invalid byte 0xff at byte offset 13');
    expect(at('id: 日本\ntitle: ', [0xc3, 0x28])).toBe('2:8 not UTF-8: invalid byte 0xc3 at byte offset 18');
    expect(at('a: 1\r\nb: 2\r\nc: ', [0x80])).toBe('3:4 not UTF-8: invalid byte 0x80 at byte offset 15');
    expect(at('a: 1\rb: 2\rc: ', [0x80])).toBe('3:4 not UTF-8: invalid byte 0x80 at byte offset 13');
    expect(at([0xef, 0xbb, 0xbf], 'id: ', [0xfe])).toBe('1:5 not UTF-8: invalid byte 0xfe at byte offset 7');
    expect(at('id: x\n', [0xf4, 0x90, 0x80, 0x80])).toBe('2:1 not UTF-8: invalid byte 0xf4 at byte offset 6');
  });

  it('names a UTF-16 file for what it is', () => {
    const dir = tempDir();
    const path = join(dir, 'x.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id: x\n', 'utf16le')]));
    expect(readSource(path, 'x.yaml')).toMatchObject({ finding: { rule: 'invalid-utf8', line: 1, column: 1, message: 'not UTF-8: the file is UTF-16 (little-endian); save it as UTF-8' } });
    writeFileSync(path, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('id: x\n', 'utf16le').swap16()]));
    expect(readSource(path, 'x.yaml')).toMatchObject({ finding: { message: 'not UTF-8: the file is UTF-16 (big-endian); save it as UTF-8' } });
  });

  it('gives every broken plan the same findings, at the same lines and columns, with a BOM, CRLF or lone CR line endings', () => {
    const endings = {
      bom: (text: string) => `\ufeff${text}`,
      crlf: (text: string) => text.replace(/\n/g, '\r\n'),
      'bom and crlf': (text: string) => `\ufeff${text.replace(/\n/g, '\r\n')}`,
      cr: (text: string) => text.replace(/\n/g, '\r'),
    };
    const findings = (cwd: string) => loadFixture(join(cwd, 'plan'), { cwd, today }).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`);
    let compared = 0;
    for (const name of invalidScenarios()) {
      const expected = findings(scenario(name));
      expect(expected.length, name).toBeGreaterThan(0);
      for (const [ending, convert] of Object.entries(endings)) {
        const cwd = scenario(name);
        // Every file of the workspace: workspace.yaml, the organisation files and each plan's files.
        let converted = 0;
        for (const file of readdirSync(join(cwd, 'plan'), { recursive: true, encoding: 'utf8' })) {
          const path = join(cwd, 'plan', file);
          if (!statSync(path).isFile()) continue;
          writeFileSync(path, convert(readFileSync(path, 'utf8')));
          converted++;
        }
        expect(converted, name).toBeGreaterThan(5);
        expect(findings(cwd), `${name} with ${ending}`).toEqual(expected);
        compared++;
      }
    }
    expect(compared).toBe(invalidScenarios().length * 4);
  });
});
