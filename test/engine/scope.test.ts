import { describe, it, expect } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/model/finding.js';
import { filterToScope, ManifestOwners, resolveScope } from '../../src/engine/scope.js';
import { ProjectFiles } from '../../src/load/files.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/action/repo');
const files = () => new ProjectFiles(repo);

function at(file: string, related: string[] = []): Pick<Finding, 'location' | 'related'> {
  const loc = (f: string) => ({ file: f, line: 1, column: 1, endLine: 1, endColumn: 2 });
  return { location: loc(file), related: related.map((r) => ({ location: loc(r), message: 'call' })) };
}

describe('ManifestOwners', () => {
  it('finds the nearest manifest above a handler or helper, and a manifest owns itself', () => {
    const owners = new ManifestOwners(files());
    expect(owners.of('services/orders/src/create.js')).toEqual(['services/orders/serverless.yml']);
    expect(owners.of('services/thumbs/src/app.js')).toEqual(['services/thumbs/template.yaml']);
    expect(owners.of('services/thumbs/template.yaml')).toEqual(['services/thumbs/template.yaml']);
    expect(owners.of('lib/shared.js')).toBeUndefined();
  });
});

describe('resolveScope', () => {
  it('analyses folders whole and reports everything in them', () => {
    expect(resolveScope(files(), ['services/orders', ''])).toEqual({ analyse: ['', 'services/orders'], folders: ['', 'services/orders'] });
  });

  it('analyses the owning service of each file and reports only in those files', () => {
    const scope = resolveScope(files(), ['services/orders/src/create.js', 'services/thumbs/template.yaml', 'README.md']);
    expect(scope.analyse).toEqual(['services/orders/serverless.yml', 'services/thumbs/template.yaml']);
    expect([...scope.files!].sort()).toEqual(['README.md', 'services/orders/src/create.js', 'services/thumbs/template.yaml']);
  });

  it('falls back to the whole root for a helper no manifest owns', () => {
    expect(resolveScope(files(), ['lib/shared.js']).analyse).toEqual(['']);
  });

  it('keeps findings whose primary or related location is in a given file', () => {
    const scope = resolveScope(files(), ['services/orders/src/create.js']);
    const kept = filterToScope(
      [at('services/orders/serverless.yml'), at('services/orders/serverless.yml', ['services/orders/src/create.js']), at('services/orders/src/create.js')],
      scope,
    );
    expect(kept.map((f) => `${f.location.file}+${f.related.length}`)).toEqual(['services/orders/serverless.yml+1', 'services/orders/src/create.js+0']);
  });

  it('with folders only, filters nothing', () => {
    const scope = resolveScope(files(), ['services']);
    expect(filterToScope([at('services/orders/serverless.yml'), at('lib/shared.js')], scope)).toHaveLength(2);
  });
});
