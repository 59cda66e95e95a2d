// Workflow-command annotations for the Action: most severe first, changed lines first, within the runner's
// 10 errors, 10 warnings and 10 notices per step, then one notice pointing to the summary and code scanning.
import { SEVERITY_RANK, type Finding, type Severity } from '../model/finding.js';
import { compareFindings, outputPath } from '../report/findings.js';
import { annotation, ANNOTATIONS_PER_LEVEL, escapeData } from '../report/github.js';
import { isOnChangedLine, type ChangedFiles } from './changed-files.js';


export interface AnnotationOptions {
  changed?: ChangedFiles;
  /** Prefix from the project root to the git top-level (paths in annotations are top-level relative). */
  cwdPrefix?: string;
  /** Where the rest can be read: a sentence fragment, e.g. "the job summary and code scanning". */
  moreAt: string;
}

export function annotationLines(findings: readonly Finding[], options: AnnotationOptions): string[] {
  const onChanged = (f: Finding) => isOnChangedLine(options.changed, outputPath(f.location.file, options.cwdPrefix), f.location.line);
  const ordered = [...findings].sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || Number(onChanged(b)) - Number(onChanged(a)) || compareFindings(a, b),
  );
  const total = { error: 0, warning: 0, note: 0 };
  for (const finding of ordered) total[finding.severity]++;
  const overflows = Object.values(total).some((count) => count > ANNOTATIONS_PER_LEVEL);
  // The closing notice is itself a notice, so it takes the tenth notice slot when it is needed.
  const limit: Record<Severity, number> = { error: ANNOTATIONS_PER_LEVEL, warning: ANNOTATIONS_PER_LEVEL, note: ANNOTATIONS_PER_LEVEL - (overflows ? 1 : 0) };
  const shown = { error: 0, warning: 0, note: 0 };
  const lines: string[] = [];
  for (const finding of ordered) {
    if (shown[finding.severity] >= limit[finding.severity]) continue;
    shown[finding.severity]++;
    lines.push(annotation(finding, options.cwdPrefix));
  }
  const hidden = ordered.length - lines.length;
  if (hidden > 0) {
    lines.push(`::notice title=noops-lint::${escapeData(`${hidden} more finding${hidden === 1 ? '' : 's'} not annotated here: see ${options.moreAt}.`)}`);
  }
  return lines;
}
