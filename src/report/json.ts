// A stable JSON document of the findings for scripts: fixed key order, sorted, no run-specific data.
import type { Finding } from '../model/finding.js';
import type { Location } from '../model/location.js';
import { artifactUri, countSeverities, fingerprint, outputPath, sortFindings } from './findings.js';
import type { Reporter } from './reporter.js';
import { jsonText } from '../util/quote.js';

/** Bumped when a field changes meaning or disappears; added fields keep the version. */
export const JSON_FORMAT_VERSION = 1;

export const json: Reporter = (result, options) => {
  const findings = sortFindings(result.findings);
  const document = {
    version: JSON_FORMAT_VERSION,
    toolVersion: result.toolVersion,
    findings: findings.map((finding) => describeFinding(finding, options.cwdPrefix)),
    summary: countSeverities(findings),
  };
  return jsonText(document, 2) + '\n';
};

function describeFinding(finding: Finding, prefix: string | undefined) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...describeLocation(finding.location, prefix),
    ...(finding.function === undefined ? {} : { function: finding.function }),
    ...(finding.actions === undefined ? {} : { actions: finding.actions }),
    related: finding.related.map((related) => ({
      ...describeLocation(related.location, prefix),
      message: related.message,
    })),
    fingerprint: fingerprint(finding, artifactUri(finding.location.file, prefix)),
  };
}

function describeLocation(location: Location, prefix: string | undefined) {
  return {
    file: outputPath(location.file, prefix),
    line: location.line,
    column: location.column,
    endLine: location.endLine,
    endColumn: location.endColumn,
  };
}
