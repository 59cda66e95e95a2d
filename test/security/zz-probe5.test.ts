import { it } from 'vitest';
import { parseYaml } from '../../src/load/yaml.js';

it('wide anchor', () => {
  const text = `service: a\nbig: &a [${Array(20000).fill('x').join(',')}]\nuse: [${Array(9000).fill('*a').join(',')}]\n`;
  console.log('len', text.length);
  const t = Date.now();
  const r = parseYaml(text, 'serverless.yml');
  console.log('wide', Date.now() - t, r.ok, r.findings.map((f) => f.message));
}, 120000);
it('deep', () => {
  for (const text of ['['.repeat(100000) + ']'.repeat(100000), '{"a":'.repeat(100000) + '1' + '}'.repeat(100000), Array.from({length: 3000}, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n', '- '.repeat(100000) + 'x\n']) {
    const t = Date.now();
    const r = parseYaml(text, 'template.yaml');
    console.log('deep', text.length, Date.now() - t, r.ok, r.findings.map((f) => [f.ruleId, f.location.line, f.message.slice(0, 150)]));
  }
}, 120000);
