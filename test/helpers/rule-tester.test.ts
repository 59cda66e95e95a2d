// The rule tester itself: each check it makes fails when it should, on a small rule of its own.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineRule, quote } from '../../rules/kit.js';
import { checkCaseNames, checkFixture, checkInvalid, checkValid, RuleTester, uncoveredMessageIds, type FixtureCase, type InvalidCase } from './rule-tester.js';

/** Reports every SNS topic at its logical id; `unused` is a message no run produces. */
const rule = defineRule<Record<string, never>, 'topic' | 'unused'>({
  id: 'test/topic',
  category: 'test',
  severity: 'warning',
  description: 'Reports SNS topics, for the tests of the rule tester.',
  fullDescription: 'Reports every SNS topic at its logical id, so the tests of the rule tester have findings to compare.',
  help: 'Nothing to do: a rule of the tests.',
  precision: 'high',
  tags: [],
  messages: { topic: 'Topic {{name}} is here.', unused: 'Never reported.' },
  defaultOptions: {},
  check({ project, report }) {
    for (const resource of project.resources) {
      if (resource.type === 'AWS::SNS::Topic') report({ messageId: 'topic', data: { name: quote(resource.logicalId) }, at: resource.location, key: resource.logicalId });
    }
  },
});

const tester = new RuleTester();
const template = (topics: string[], comment = '') =>
  `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${topics.map((name) => `${comment}  ${name}:\n    Type: AWS::SNS::Topic\n`).join('')}  Queue:\n    Type: AWS::SQS::Queue\n`;
const twoTopics = { 'template.yaml': template(['Alerts', 'Orders']) };
const invalid = (errors: InvalidCase['errors']): InvalidCase => ({ name: 'two topics', files: twoTopics, errors });

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
/** A fixture case folder of `kind` with one template. */
function fixture(kind: 'good' | 'bad', text: string): FixtureCase {
  const dir = mkdtempSync(path.join(tmpdir(), 'rule-tester-'));
  folders.push(dir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'template.yaml'), text);
  return { kind, name: 'case', dir };
}

describe('invalid cases', () => {
  const result = tester.lint(rule, { files: twoTopics });

  it('pass with the exact errors, in report order', () => {
    checkInvalid(rule, invalid([
      { messageId: 'topic', line: 3, file: 'template.yaml', function: null, data: { name: '"Alerts"' }, message: 'Topic "Alerts" is here.', key: 'Alerts' },
      { messageId: 'topic', line: 5, message: /"Orders"/ },
    ]), result);
  });

  it.each([
    ['one error too few', [{ messageId: 'topic', line: 3 }]],
    ['one error too many', [{ messageId: 'topic', line: 3 }, { messageId: 'topic', line: 5 }, { messageId: 'topic', line: 7 }]],
    ['another order', [{ messageId: 'topic', line: 5 }, { messageId: 'topic', line: 3 }]],
    ['another messageId', [{ messageId: 'unused', line: 3 }, { messageId: 'topic', line: 5 }]],
    ['another file', [{ messageId: 'topic', line: 3, file: 'other.yaml' }, { messageId: 'topic', line: 5 }]],
    ['another function', [{ messageId: 'topic', line: 3, function: 'fn' }, { messageId: 'topic', line: 5 }]],
    ['other data', [{ messageId: 'topic', line: 3, data: { name: '"Orders"' } }, { messageId: 'topic', line: 5 }]],
    ['another message', [{ messageId: 'topic', line: 3, message: 'Topic "Alerts".' }, { messageId: 'topic', line: 5 }]],
    ['another key', [{ messageId: 'topic', line: 3, key: 'Orders' }, { messageId: 'topic', line: 5 }]],
  ] as const)('fail with %s', (_, errors) => {
    expect(() => checkInvalid(rule, invalid([...errors]), result)).toThrow();
  });
});

describe('valid cases', () => {
  it('pass when nothing is reported, and fail otherwise', () => {
    checkValid(rule, { name: 'a queue', files: {} }, tester.lint(rule, { files: { 'template.yaml': template([]) } }));
    expect(() => checkValid(rule, { name: 'two topics', files: twoTopics }, tester.lint(rule, { files: twoTopics }))).toThrow(/a valid case reports nothing/);
  });

  it('fail on a file the tool cannot read, unless the case names that problem', () => {
    const broken = { 'template.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Alerts: [\n" };
    const result = tester.lint(rule, { files: broken });
    expect(() => checkValid(rule, { name: 'broken', files: broken }, result)).toThrow(/cannot read/);
    checkValid(rule, { name: 'broken', files: broken, inputProblems: [result.problems[0]!.split(' ').slice(0, 2).join(' ')] }, result);
    expect(() => checkValid(rule, { name: 'broken', files: broken, inputProblems: ['input/parse-error template.yaml:99'] }, result)).toThrow();
  });
});

describe('fixture cases', () => {
  const run = (c: FixtureCase) => tester.lint(rule, { dir: c.dir });

  it('pass when the reported places are the expect: annotations', () => {
    const c = fixture('bad', template(['Alerts'], '  # expect: test/topic\n'));
    checkFixture(rule, c, run(c));
  });

  it('fail on a bad case without an expect: annotation', () => {
    const c = fixture('bad', template(['Alerts']));
    expect(() => checkFixture(rule, c, run(c))).toThrow(/needs at least one expect/);
  });

  it('fail on a good case that reports', () => {
    const c = fixture('good', template(['Alerts']));
    expect(() => checkFixture(rule, c, run(c))).toThrow(/must stay clean/);
  });

  it('fail on a place annotated ok: that is reported', () => {
    const c = fixture('bad', `${template(['Alerts'], '  # expect: test/topic\n')}  # ok: test/topic\n  Orders:\n    Type: AWS::SNS::Topic\n`);
    expect(() => checkFixture(rule, c, run(c))).toThrow(/ok: at template.yaml:9 is reported/);
  });

  it('fail when a todo-expect: starts passing', () => {
    const c = fixture('bad', `${template(['Alerts'], '  # expect: test/topic\n')}  # todo-expect: test/topic\n  Orders:\n    Type: AWS::SNS::Topic\n`);
    expect(() => checkFixture(rule, c, run(c))).toThrow(/now passes: make it expect:/);
  });

  it('fail on a fixture the tool cannot read', () => {
    const c = fixture('good', "Resources:\n  Alerts: [\n");
    expect(() => checkFixture(rule, c, run(c))).toThrow(/a broken fixture proves nothing/);
  });
});

describe('messageId coverage', () => {
  it('names the messageIds no case produced', () => {
    expect(uncoveredMessageIds(rule, [new Set(['topic']), new Set()])).toEqual(['unused']);
    expect(uncoveredMessageIds(rule, [new Set(['topic']), new Set(['unused'])])).toEqual([]);
  });
});

describe('case lists', () => {
  it('refuse duplicate names, invalid cases without errors and messageIds the rule lacks', () => {
    expect(() => checkCaseNames(rule, [{ name: 'a', files: {} }, { name: 'a', files: {} }], [])).toThrow(/two valid cases/);
    expect(() => checkCaseNames(rule, [], [{ name: 'b', files: {}, errors: [] }])).toThrow(/make it a valid case/);
    expect(() => checkCaseNames(rule, [], [{ name: 'c', files: {}, errors: [{ messageId: 'nope', line: 1 }] }])).toThrow(/does not have/);
  });
});
