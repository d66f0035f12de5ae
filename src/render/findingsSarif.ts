import { pathToFileURL } from 'node:url';
import type { Finding } from '../model.js';
import { RULES } from '../ruleRegistry.js';
import { json } from './json.js';
import { sanitize } from '../text/sanitize.js';

/** What a SARIF log says about the tool that wrote it and where its relative paths start. */
export interface SarifContext {
  version: string;
  /** The folder finding paths are relative to (the current directory), absolute. */
  root: string;
}

/**
 * SARIF 2.1.0, the format code-scanning services and editor viewers read, so each finding shows
 * on its line. Paths stay relative to `%SRCROOT%` (the current directory, named in
 * `originalUriBaseIds`), which code scanning resolves against the repository root.
 */
export function findingsSarif(findings: readonly Finding[], context: SarifContext): string {
  const ruleIds = [...new Set(findings.map((finding) => finding.rule))].sort();
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plan',
            version: context.version,
            semanticVersion: context.version,
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: RULES[id].description },
              fullDescription: { text: `${RULES[id].description} ${RULES[id].help}` },
              help: { text: RULES[id].help },
              defaultConfiguration: { level: RULES[id].severity },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(context.root) } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: ruleIds.indexOf(finding.rule),
          level: finding.severity,
          message: { text: sanitize(finding.message) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relativeUri(finding.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: Math.max(1, finding.line), startColumn: Math.max(1, finding.column) },
              },
            },
          ],
        })),
      },
    ],
  };
  return json(log);
}

// A relative path as a URI reference: forward slashes, each segment percent-encoded.
function relativeUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
