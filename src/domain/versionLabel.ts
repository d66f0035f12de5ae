import type { PlanVersion } from './planChanges.js';

/** How a version is named: `HEAD~1 (1a2b3c4)`, a bare short id, or `the working tree`; plain text, for a renderer to escape. */
export function versionLabel(version: PlanVersion): string {
  if (version.date !== undefined) return `the history up to ${version.date}`;
  if (version.commit === null) return version.revision === null ? 'the working tree' : version.revision;
  const short = version.commit.slice(0, 7);
  return version.revision === null || version.commit.startsWith(version.revision) ? short : `${version.revision} (${short})`;
}
