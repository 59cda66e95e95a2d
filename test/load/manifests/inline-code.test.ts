// Tests where the lines of code written in a template (SAM InlineCode, Code.ZipFile) are placed in the template.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCloudFormation } from '../../../src/load/manifests/cloudformation.js';
import type { ManifestContext } from '../../../src/load/manifests/context.js';
import { parseYaml } from '../../../src/load/yaml.js';
import type { ServiceModel } from '../../../src/model/project.js';

const DIR = fileURLToPath(new URL('../../../fixtures/load/cloudformation/inline-code/', import.meta.url));

function load(file: string, text: string, readable = true): ServiceModel {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) throw new Error(parsed.findings.map((f) => f.message).join('\n'));
  const context: ManifestContext = {
    root: '/project',
    file,
    dir: 'infra',
    options: { resolveEnv: false, env: {} },
    report: () => {},
    readFile: (written) => (readable && `infra/${written}` === file ? { ok: true, text, file } : { ok: false, reason: 'not readable' }),
    resolvePath: (written) => `infra/${written}`,
  };
  const service = loadCloudFormation(parsed.value, context);
  if (!service) throw new Error('no service');
  return service;
}

const inline = (service: ServiceModel, name: string) => service.functions.find((f) => f.name === name)?.inlineCode;

describe('inline code', () => {
  const text = readFileSync(`${DIR}template.yaml`, 'utf8');
  const service = load('infra/template.yaml', text);

  it('places each line of a literal block exactly, one indentation in, blank and indented lines included', () => {
    const code = inline(service, 'Literal')!;
    expect(code).toMatchObject({ file: 'infra/template.yaml#Literal/index.js', manifest: 'infra/template.yaml', text: 'const a = 1;\n\n  exports.handler = async () => a;\n' });
    expect(code.lines).toEqual([
      { line: 10, column: 8, exact: true },
      { line: 11, column: 8, exact: true },
      { line: 12, column: 8, exact: true },
      { line: 13, column: 8, exact: true },
    ]);
  });

  it('reads `|-` blocks with a comment after the header, as Python for a Python runtime', () => {
    const code = inline(service, 'Stripped')!;
    expect(code.file).toBe('infra/template.yaml#Stripped/index.py');
    expect(code.lines.map((l) => [l.line, l.column, l.exact])).toEqual([[21, 10, true], [22, 10, true]]);
  });

  it('maps every line of a quoted string to its start', () => {
    const code = inline(service, 'Quoted')!;
    expect(code.text).toBe('exports.a = 1;\nexports.handler = async () => 2;');
    expect(code.lines).toEqual([{ line: 29, column: 23, exact: false }, { line: 29, column: 23, exact: false }]);
  });

  it('joins Fn::Join parts, each line at the part that starts it', () => {
    const code = inline(service, 'Joined')!;
    expect(code.text).toBe('exports.a = 1;\n\nexports.handler = async () => 2;');
    expect(code.lines.map((l) => l.line)).toEqual([38, 39, 40]);
  });

  it('unescapes a Fn::Sub with nothing to fill in, and leaves one that fills in values unread', () => {
    expect(inline(service, 'Escaped')!.text).toBe('exports.handler = async () => `${literal}`;\n');
    expect(inline(service, 'Substituted')).toBeUndefined();
    expect(inline(service, 'Java')).toBeUndefined();
  });

  it('falls back to the value start when the template text cannot be read again', () => {
    const code = inline(load('infra/template.yaml', text, false), 'Literal')!;
    expect(code.lines.every((l) => l.line === 9 && !l.exact)).toBe(true);
  });

  it('maps a JSON template string to its start', () => {
    const json = JSON.stringify({ Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', Code: { ZipFile: 'a;\nb;' } } } } }, null, 2);
    const code = inline(load('infra/template.json', json), 'Fn')!;
    expect(code.lines).toEqual([{ line: 9, column: 21, exact: false }, { line: 9, column: 21, exact: false }]);
  });
});
