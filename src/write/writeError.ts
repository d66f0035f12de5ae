/** A write that could not be done safely, so nothing was written; the message says why, without the file's name. */
export class WriteError extends Error {
  override name = 'WriteError';

  /** A file-system error in words, for a one-line message. */
  static from(error: unknown): WriteError {
    if (error instanceof WriteError) return error;
    const code = (error as NodeJS.ErrnoException).code;
    switch (code) {
      case 'EACCES':
      case 'EPERM':
        return new WriteError('permission denied');
      case 'EROFS':
        return new WriteError('the file system is read-only');
      case 'ENOSPC':
        return new WriteError('no space left on the device');
      case 'EDQUOT':
        return new WriteError('disk quota exceeded');
      case 'ENOENT':
        return new WriteError('its folder does not exist');
      case 'EISDIR':
        return new WriteError('it is a directory');
      case 'ENOTDIR':
        return new WriteError('a parent is not a directory');
      default:
        return new WriteError(`the write failed (${code ?? (error instanceof Error ? error.message : String(error))})`);
    }
  }
}
