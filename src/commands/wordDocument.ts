import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DocumentModel } from '../document/model.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { sanitize } from '../text/sanitize.js';

/** What `--format docx` takes: the template a user named, and whether stdout may take bytes. */
export interface WordOptions {
  template?: string;
  out?: string;
}

/**
 * A document as Word bytes, with the styles of `--template FILE` when given. A Word file is
 * binary: without `--out` it goes to stdout only when that is a file or a pipe, never a terminal.
 */
export async function wordDocument(document: DocumentModel, options: WordOptions, io: Io): Promise<Uint8Array> {
  if (options.out === undefined && io.isTTY) {
    throw new UsageError('--format docx: a Word document is binary and would garble the terminal; give --out FILE.docx or redirect stdout to a file');
  }
  const template = options.template === undefined ? undefined : readTemplate(options.template, io);
  // Loaded only for this format: the Word library is the largest part of plan.
  const [{ documentDocx }, { TemplateError }] = await Promise.all([import('../render/documentDocx.js'), import('../render/templateError.js')]);
  try {
    return await documentDocx(document, template === undefined ? {} : { template });
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(`--template ${sanitize(options.template!)}: ${error.message}`);
    throw error;
  }
}

function readTemplate(file: string, io: Io): Uint8Array {
  try {
    return readFileSync(resolve(io.cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a Word document' : code === 'EACCES' ? 'cannot be read: permission denied' : `cannot be read (${code ?? String(error)})`;
    throw new UsageError(`--template ${sanitize(file)}: ${reason}`);
  }
}
