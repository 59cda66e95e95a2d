// The tool's own findings about its input and itself, described like rules so every output format lists them.
import { defineRule, type AnyRule } from '../../rules/kit.js';

const tool = (id: string, severity: 'error' | 'warning' | 'note', description: string, fullDescription: string, help: string): AnyRule =>
  defineRule({
    id,
    category: id.split('/')[0]!,
    severity,
    description,
    fullDescription,
    help,
    precision: 'very-high',
    tags: ['noops-lint'],
    messages: {},
    defaultOptions: {},
    check() {},
  });

export const TOOL_RULES: AnyRule[] = [
  tool('input/parse-error', 'error', 'A manifest or source file could not be parsed.', 'The file is not valid YAML, JSON, JavaScript or TypeScript. noops-lint reports where the parser stopped and checks everything else.', 'Fix the syntax error at the reported position; run the file through the tool that deploys it (serverless print, sam validate).'),
  tool('input/skipped-file', 'warning', 'A file was not read.', 'noops-lint skips files that are binary, too large, not UTF-8, symbolic links leaving the project root, paths outside the project root, a `serverless.*` file beside the one the Serverless Framework reads in its folder, build output and packaged templates, and copies of synthesized CDK output committed beside their app (several such copies are one note, naming them), and says why.', 'Move the file inside the project, shrink it, or exclude it with `ignores` in .noops-lint.yaml.'),
  tool('input/unresolved', 'note', 'A value could not be resolved statically.', 'Variables such as ${ssm:...}, ${cf:...}, unknown intrinsics and computed names cannot be known before deployment. noops-lint does not judge such values, so a rule may miss a problem behind them.', 'Nothing to fix; use literal values or ${self:...} references where you want noops-lint to check them.'),
  tool('input/invalid-manifest', 'warning', 'A manifest has a value of the wrong shape.', 'A key holds a value the deployment tool would reject (functions that is not a mapping, a handler that is a number, a resource without Type). noops-lint skips that part and checks the rest.', 'Correct the value to the shape the Serverless Framework, SAM or CloudFormation expects.'),
  tool('input/handler-not-found', 'warning', "A function's handler file or export does not exist.", "noops-lint resolves each handler (src/orders.create) to a file with the extensions .ts .mts .cts .js .mjs .cjs or an index file, and to its export. A file or export that does not exist (a typo, a wrong case, a renamed file), or an export that is not a function, fails at the first invocation.", 'Check the handler path, its case and CodeUri.'),
  tool('input/handler-not-analysed', 'note', "A function's handler exists but noops-lint cannot follow it.", "A handler built at run time by a library (`export const handler = createHandler(...)`) or by a framework adapter noops-lint does not know, a handler in a build output folder (dist/, build/, .webpack/) that is not committed, a built archive, or code uploaded to S3 (CodeUri: s3://...) cannot be read. This is a limit of noops-lint, not a mistake in the code: the function's permissions are not derived, so no rule claims a grant of it is unused. Stylish and github output count these notes in one line (--verbose lists each); json and SARIF list them.", 'Nothing to fix. To have the code checked, point the handler at the source file and export a function.'),
  tool('input/cdk-not-synthesized', 'error', 'A CDK app has no synthesized output to check.', 'A folder with cdk.json is a CDK app; noops-lint reads the templates of its cloud assembly (cdk.out, or the output cdk.json names), also when git ignores it, and never runs the app itself. Without a synthesized assembly there is nothing to check, and the run ends with exit code 2; other services beside the app (a monorepo) are still checked and reported. Several such apps (a repository of patterns or tutorial steps) are one finding naming them, at the first app, with every app and every copy of synthesized output committed beside them (not read: it is often older than the app) as a related location.', 'Run `npx cdk synth` in the app folder (in CI: before the noops-lint step), then run noops-lint again.'),
  tool('input/analysed-bundle', 'note', 'A CDK function is analysed from its bundle.', 'The asset of a bundled CDK function (NodejsFunction) has no source map, so noops-lint cannot tell which source file the bundle was built from; it analyses the bundle in cdk.out and its findings point there.', 'Set `bundling: { sourceMap: true }` on the NodejsFunction and synthesize again: findings then land on your source.'),
  tool('input/slow-pattern', 'note', "A team's rule did not judge a value: its pattern ran out of time.", "A regular expression in a team's rule that can backtrack runs under a time budget; a value that exhausts it is not judged, and this note names the rule and the value instead of guessing either way. It is a limit of the check, not a finding about the code.", 'Rewrite the pattern without a repeated group such as (\\w+\\s?)+.'),
  tool('internal/rule-error', 'error', 'A rule failed with an internal error.', 'An exception inside noops-lint while checking a file. The other rules still ran. This is a bug in noops-lint.', 'Please report it with the file that triggers it; run with --debug for the stack trace.'),
];
