import { readFileSync } from 'node:fs';
import type { Finding } from '../model.js';

export type SourceText = { text: string } | { finding: Finding };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a plan file as UTF-8 text; anything that is not (missing, a folder, bad bytes) becomes a finding.
 * `read` is the file system unless the plan comes from elsewhere (a git revision).
 */
export function readSource(path: string, file: string, read: (path: string) => Uint8Array = readFileSync): SourceText {
  let bytes: Uint8Array;
  try {
    bytes = read(path);
  } catch (error) {
    return { finding: fileFinding(file, 'unreadable-file', unreadableMessage(error)) };
  }
  let text: string;
  try {
    // The decoder drops a leading byte-order mark.
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = countLines(bytes, offset);
    const column = offset - lastLineStart(bytes, offset) + 1;
    return {
      finding: {
        ...fileFinding(file, 'invalid-utf8', `not UTF-8: invalid byte 0x${bytes[offset]!.toString(16).padStart(2, '0')} at byte offset ${offset}`),
        line,
        column,
      },
    };
  }
  if (text.trim() === '') return { finding: fileFinding(file, 'empty-file', 'the file is empty') };
  return { text };
}

function fileFinding(file: string, rule: string, message: string): Finding {
  return { file, line: 1, column: 1, rule, message, path: '', severity: 'error' };
}

function unreadableMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'the file does not exist (or is a dangling symbolic link)';
    case 'EISDIR':
      return 'a directory, not a file';
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

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function lastLineStart(bytes: Uint8Array, end: number): number {
  for (let i = end - 1; i >= 0; i--) if (bytes[i] === 0x0a) return i + 1;
  return 0;
}
