// One finding per line, `path:line:col: level ruleId message`, for problem matchers and editors.
import { displayPath, singleLine, sortFindings } from './findings.js';
import type { Reporter } from './reporter.js';

export const compact: Reporter = (result, options) =>
  sortFindings(result.findings)
    .map((finding) => {
      const { file, line, column } = finding.location;
      const path = displayPath(file, options.cwdPrefix);
      return `${path}:${line}:${column}: ${finding.severity} ${finding.ruleId} ${singleLine(finding.message)}\n`;
    })
    .join('');
