// Where noops-lint's ids are documented: the README of the version that reported them (its tag, not `main`, so a
// link describes the rule as this version checks it, and keeps working when main moves on).
import { toolVersion } from './package-root.js';

export const REPOSITORY_URL = 'https://github.com/noops-lint/noops-lint';

/** GitHub's heading anchor for "### `iam/wildcard-action`": `iamwildcard-action`. */
export function readmeAnchor(id: string): string {
  return id.replace('/', '').toLowerCase();
}

/** The README section of one of noops-lint's ids (a rule, or an input/*, internal/* or suppression/* id). */
export function readmeSectionUri(id: string, version: string = toolVersion()): string {
  return `${REPOSITORY_URL}/blob/v${version}/README.md#${readmeAnchor(id)}`;
}

/**
 * Where a rule is documented: its own `helpUri`, else its README section for noops-lint's ids. A team's rule
 * (declarative, with a `definition`) without a `helpUri` has no link: noops-lint's README does not describe it.
 */
export function docsUri(rule: { id: string; helpUri?: string }): string | undefined {
  if (rule.helpUri) return rule.helpUri;
  return 'definition' in rule ? undefined : readmeSectionUri(rule.id);
}
