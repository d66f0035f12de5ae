import type { Finding } from '../model.js';
import { sanitize } from '../text/sanitize.js';

/**
 * JUnit XML, which CI servers (GitLab, Jenkins, Azure Pipelines) show as test results: one
 * suite per file of the plan, one failing test case per error. A warning is a passing test
 * case that carries its message in system-out, so the report fails exactly when validate
 * exits 1; a file without findings is one passing test case.
 */
export function findingsJunit(findings: readonly Finding[], files: readonly string[]): string {
  const byFile = new Map<string, Finding[]>(files.map((file) => [file, []]));
  for (const finding of findings) {
    const found = byFile.get(finding.file);
    if (found) found.push(finding);
    else byFile.set(finding.file, [finding]);
  }

  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, found] of byFile) {
    const name = attribute(sanitize(file));
    const cases = found.length
      ? found.map((finding) => testCase(name, finding))
      : [`    <testcase classname="${name}" name="valid"/>`];
    const failed = found.filter((finding) => finding.severity === 'error').length;
    tests += cases.length;
    failures += failed;
    suites.push(
      `  <testsuite name="${name}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="plan validate" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function testCase(classname: string, finding: Finding): string {
  const message = sanitize(finding.message);
  const where = `${sanitize(finding.file)}:${finding.line}:${finding.column}`;
  const open = `    <testcase classname="${classname}" name="${attribute(`${finding.rule} at ${finding.line}:${finding.column}`)}">`;
  const detail = `${where} ${finding.severity} ${finding.rule} ${message}`;
  const body =
    finding.severity === 'error'
      ? `<failure message="${attribute(message)}" type="${attribute(finding.rule)}">${text(detail)}</failure>`
      : `<system-out>${text(detail)}</system-out>`;
  return `${open}\n      ${body}\n    </testcase>`;
}

// Characters XML 1.0 cannot carry at all, escaped or not: most C0 controls, lone surrogates, U+FFFE and U+FFFF.
// eslint-disable-next-line no-control-regex -- these control characters are what the pattern is for
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function text(value: string): string {
  return value.replace(NOT_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Tabs and line breaks are written as references so attribute normalisation keeps them.
function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
