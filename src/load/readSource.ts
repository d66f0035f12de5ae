import type { RuleId } from '../ruleRegistry.js';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Finding } from '../model.js';

export type SourceText = { text: string } | { finding: Finding };

/** The largest plan file read: far above any real plan, low enough that parsing stays within seconds and memory within bounds. */
export const MAX_FILE_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a plan file as UTF-8 text; anything that is not (missing, a folder, a device, too big, bad bytes)
 * becomes a finding. `read` is the file system unless the plan comes from elsewhere (a git revision).
 */
export function readSource(path: string, file: string, read: (path: string) => Uint8Array = readPlanFile): SourceText {
  let bytes: Uint8Array;
  try {
    bytes = read(path);
  } catch (error) {
    const { code, size } = error as NodeJS.ErrnoException & { size?: number };
    if (code === 'EFBIG') return { finding: fileFinding(file, 'resource-limit', tooLarge(size)) };
    return { finding: fileFinding(file, 'unreadable-file', unreadableMessage(error)) };
  }
  if (bytes.length > MAX_FILE_BYTES) return { finding: fileFinding(file, 'resource-limit', tooLarge(bytes.length)) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { finding: fileFinding(file, 'invalid-utf8', 'not UTF-8: the file is UTF-16 (little-endian); save it as UTF-8') };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { finding: fileFinding(file, 'invalid-utf8', 'not UTF-8: the file is UTF-16 (big-endian); save it as UTF-8') };
  let text: string;
  try {
    // The decoder drops a leading byte-order mark.
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, start } = lineAt(bytes, offset);
    return {
      finding: {
        ...fileFinding(file, 'invalid-utf8', `not UTF-8: invalid byte 0x${bytes[offset]!.toString(16).padStart(2, '0')} at byte offset ${offset}`),
        line,
        // Columns count as yaml's do (UTF-16 code units), so an editor lands on the byte.
        column: utf8.decode(bytes.subarray(start, offset)).length + 1,
      },
    };
  }
  if (text.trim() === '') return { finding: fileFinding(file, 'empty-file', 'the file is empty') };
  // YAML counts a lone CR as a line break, as editors do; yaml and its line counter know only LF and CRLF.
  return { text: text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text };
}

/**
 * A plan file's bytes from disk, opened without blocking, so a FIFO named like a plan file cannot hang
 * the command, and checked before it is read: a folder, a device or pipe, or a file over the limit
 * throws an error with a code (EISDIR, ENOTREG, EFBIG) that readSource turns into a finding.
 */
export function readPlanFile(path: string): Uint8Array {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw coded('EISDIR');
    if (!stat.isFile()) throw coded('ENOTREG');
    if (stat.size > MAX_FILE_BYTES) throw Object.assign(coded('EFBIG'), { size: stat.size });
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function coded(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

function tooLarge(size: number | undefined): string {
  const shown = size === undefined ? `over ${mebibytes(MAX_FILE_BYTES)}` : mebibytes(size);
  return `the file is ${shown}; a plan file may be at most ${mebibytes(MAX_FILE_BYTES)}`;
}

function mebibytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MiB`;
}

function fileFinding(file: string, rule: RuleId, message: string): Finding {
  return { file, line: 1, column: 1, rule, message, path: '', severity: 'error' };
}

function unreadableMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'the file does not exist (or is a dangling symbolic link)';
    case 'EISDIR':
      return 'a directory, not a file';
    case 'ENOTREG':
      return 'not a regular file (a device, pipe or socket)';
    case 'ELOOP':
      return 'a symbolic link loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return `cannot be read (${code ?? 'unknown error'})`;
  }
}

// The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence.
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let length: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    let codePoint = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return bytes.length;
}

// The line of a byte offset and where that line starts; a line ends at LF, CRLF or a lone CR.
function lineAt(bytes: Uint8Array, offset: number): { line: number; start: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  return { line, start };
}
