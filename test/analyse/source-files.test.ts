// Each file is parsed once per run, however many functions reach it.
import { describe, it, expect } from 'vitest';
import { analyseInline } from './stub-project.js';
import { SourceCache, withStandardDefaultReExports } from '../../src/analyse/source-files.js';
import { collectModuleInfo } from '../../src/analyse/module-info.js';
import ts from '../../src/analyse/typescript.js';

describe('parse cache', () => {
  it('reads a module shared by three handlers once', () => {
    const shared = `import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';\nconst sns = new SNSClient({});\nexport const publish = () => sns.send(new PublishCommand({ TopicArn: 't', Message: 'm' }));`;
    const handler = `import { publish } from './shared';\nexport const handler = () => publish();`;
    const { reader, usages } = analyseInline(
      { 'shared.ts': shared, 'a.ts': handler, 'b.ts': handler, 'c.ts': handler },
      { a: 'a.handler', b: 'b.handler', c: 'c.handler' },
    );
    expect([...usages.values()].map((u) => u.calls.map((c) => c.operation))).toEqual([['Publish'], ['Publish'], ['Publish']]);
    expect(reader.reads.get('shared.ts')).toBe(1);
  });
});

describe('one walk per parsed file', () => {
  it('sets every parent and gathers the loads and assignments module-info would find walking the tree itself', () => {
    const text = [
      `import { a } from './a';`,
      `const b = require('./b');`,
      `let client;`,
      `module.exports.handler = async () => { client ??= await import('./c'); x = y = 1; return a(b); };`,
      `exports.other = () => require(\`./d\`);`,
    ].join('\n');
    const cache = new SourceCache({ read: (file) => ({ ok: true, text, file }), exists: () => true });
    const loaded = cache.load('h.ts');
    if (!loaded.ok) throw new Error('not parsed');
    const { module } = loaded;
    const orphans: ts.Node[] = [];
    const check = (node: ts.Node): void => {
      ts.forEachChild(node, (child) => {
        if (child.parent !== node) orphans.push(child);
        check(child);
      });
    };
    check(module.sourceFile);
    expect(orphans).toEqual([]);
    const fromWalk = collectModuleInfo(module);
    const fromTree = collectModuleInfo({ ...module, nodes: undefined });
    const summary = (info: ReturnType<typeof collectModuleInfo>) => ({
      dependencies: info.dependencies.map((d) => d.specifier),
      assignments: [...info.assignments.keys()],
      exports: [...info.exports.keys()],
    });
    expect(summary(fromWalk)).toEqual(summary(fromTree));
    expect(summary(fromWalk)).toEqual({ dependencies: ['./a', './b', './c', './d'], assignments: ['client', 'x', 'y'], exports: ['handler', 'other'] });
  });
});

describe("Babel's export-default-from", () => {
  it('follows `export name from` in a JavaScript module to the default export it re-exports', () => {
    const helpers = `export publish from './publish';\nexport format, { other } from './format';\n`;
    const publish = `import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';\nconst sns = new SNSClient({});\nexport default (text) => sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:eu-west-1:123456789012:t', Message: text }));\n`;
    const format = `export default (x) => String(x);\nexport const other = 1;\n`;
    const handler = `import { publish, format } from './helpers';\nexport const handler = (event) => publish(format(event));\n`;
    const { usages } = analyseInline({ 'helpers/index.js': helpers, 'helpers/publish.js': publish, 'helpers/format.js': format, 'handler.js': handler }, { fn: 'handler.handler' });
    const usage = [...usages.values()][0]!;
    expect(usage.calls.map((c) => c.operation)).toEqual(['Publish']);
    expect(usage.findings.filter((f) => f.ruleId === 'input/parse-error')).toEqual([]);
  });

  it('rewrites only statements at the start of a line, never declarations, and leaves line numbers alone', () => {
    expect(withStandardDefaultReExports(`export a from 'a';\n  export b, { c } from "b";\nconst s = "export x from 'y'";\n`)).toBe(
      `export { default as a } from 'a';\n  export { default as b, c } from "b";\nconst s = "export x from 'y'";\n`,
    );
    expect(withStandardDefaultReExports(`export const from = 1;\nexport default from;\nexport { a } from 'a';\n`)).toBeUndefined();
  });

  it('still reports a syntax error that is not this proposal', () => {
    const { usages } = analyseInline({ 'handler.js': `export publish from './p';\nexport const handler = () => {;\n`, 'p.js': 'export default 1;\n' }, { fn: 'handler.handler' });
    expect([...usages.values()][0]!.findings.map((f) => f.ruleId)).toContain('input/parse-error');
  });
});
