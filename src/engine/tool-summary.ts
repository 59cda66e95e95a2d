// The tool's own findings that repeat one fact about many places are one finding: a folder of many CDK apps none of
// which is synthesized (a tutorial or patterns repository) gets one input/cdk-not-synthesized naming the apps, not one
// error per app, and the committed copies of synthesized templates skipped beside their apps are one note. Each place
// stays in the finding's related locations (SARIF relatedLocations, JSON `related`), so nothing is lost to tools.
import { INPUT_RULES, SEVERITY_RANK, type Finding } from '../model/finding.js';
import { CDK_NOT_SYNTHESIZED, SUMMARY_KEYS } from '../load/discover.js';
import { compareLocations } from '../model/location.js';
import { quote } from '../util/quote.js';

const SKIPPED_FILE = INPUT_RULES.skippedFile;


/** Places named in a summary message; the rest are counted (all are in the related locations). */
const MAX_NAMED = 5;

/** Replaces repeated tool findings by their summaries; other findings pass unchanged. Keeps the input order otherwise. */
export function summariseToolFindings(findings: Finding[]): Finding[] {
  const apps = findings.filter((f) => f.ruleId === CDK_NOT_SYNTHESIZED && f.key.startsWith(SUMMARY_KEYS.unsynthesizedApp));
  const copiesOfUnsynthesized = findings.filter((f) => f.ruleId === SKIPPED_FILE && f.key.startsWith(SUMMARY_KEYS.cdkCopyUnsynthesized));
  const copies = findings.filter((f) => f.ruleId === SKIPPED_FILE && f.key.startsWith(SUMMARY_KEYS.cdkCopy));
  if (apps.length < 2 && copiesOfUnsynthesized.length === 0 && copies.length < 2) return findings;
  const dropped = new Set<Finding>();
  const added: Finding[] = [];

  if (apps.length > 0) {
    const sorted = [...apps].sort((a, b) => compareLocations(a.location, b.location));
    const folders = sorted.map((f) => f.key.slice(SUMMARY_KEYS.unsynthesizedApp.length));
    // A copy beside an app that was given (and found unsynthesized) is named with it; a copy of an app outside the
    // paths given keeps its own note.
    const known = new Set(folders);
    const beside = copiesOfUnsynthesized.filter((f) => known.has(appOfCopy(f)));
    const first = sorted[0]!;
    let message: string;
    if (sorted.length === 1) {
      message = first.message;
    } else {
      const named = folders.slice(0, MAX_NAMED).map((dir) => quote(dir || '.'));
      const more = folders.length > MAX_NAMED ? ` and ${folders.length - MAX_NAMED} more` : '';
      message =
        `${folders.length} CDK apps cannot be checked: they have no synthesized output (${named.join(', ')}${more}). ` +
        'noops-lint reads the synthesized templates and never runs the apps: run `npx cdk synth` in each app folder first, then run noops-lint again.';
    }
    if (beside.length > 0) {
      message += ` ${beside.length === 1 ? `The copy of synthesized output ${quote(beside[0]!.location.file)} beside ${sorted.length === 1 ? 'it' : 'its app'} was` : `The ${beside.length} copies of synthesized output committed beside ${sorted.length === 1 ? 'it' : 'them'} were`} not read either: such a copy is often older than the app.`;
    }
    if (sorted.length > 1 || beside.length > 0) {
      const related = [
        ...(sorted.length > 1 ? sorted.map((f) => ({ location: f.location, message: f.message })) : []),
        ...beside.map((f) => ({ location: f.location, message: f.message })),
      ];
      const severity = sorted.reduce((max, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[max] ? f.severity : max), first.severity);
      added.push({ ...first, severity, message, related: [...first.related, ...related], key: sorted.length > 1 ? `${SUMMARY_KEYS.unsynthesizedApp}*` : first.key });
      for (const f of [...sorted, ...beside]) dropped.add(f);
    }
  }

  if (copies.length > 1) {
    const sorted = [...copies].sort((a, b) => compareLocations(a.location, b.location));
    const named = sorted.slice(0, MAX_NAMED).map((f) => quote(f.location.file));
    const more = sorted.length > MAX_NAMED ? ` and ${sorted.length - MAX_NAMED} more` : '';
    added.push({
      ...sorted[0]!,
      message: `Skipped ${sorted.length} copies of synthesized CDK output committed beside their apps (${named.join(', ')}${more}): the apps' cloud assemblies are read instead.`,
      related: sorted.map((f) => ({ location: f.location, message: f.message })),
      key: `${SUMMARY_KEYS.cdkCopy}*`,
    });
    for (const f of sorted) dropped.add(f);
  }

  if (added.length === 0) return findings;
  return [...findings.filter((f) => !dropped.has(f)), ...added];
}

/** The app folder a copy-of-unsynthesized-output note names in its key. */
function appOfCopy(finding: Finding): string {
  const rest = finding.key.slice(SUMMARY_KEYS.cdkCopyUnsynthesized.length);
  return rest.slice(0, rest.indexOf('|'));
}
