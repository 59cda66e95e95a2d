// The import graph of src/ and rules/ follows the data flow: files -> load -> model -> analyse -> rules -> engine ->
// report -> cli -> action. A module imports only from its own folder or from a lower layer, a rule module imports
// only the rule kit, and no modules import each other in a loop. Imports are read with TypeScript's own scanner
// (static, dynamic and type-only imports, re-exports and require calls).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Lowest first. Folders on one layer do not import each other. The model is the vocabulary every layer shares;
 * the loaders build it, the analysis reads it; rules and the fix planner read the analysis; the engine runs them.
 */
const LAYERS: string[][] = [
  ['src/util', 'src/data'],
  ['src/model'],
  ['src/load'],
  ['src/analyse'],
  ['rules', 'src/fix'],
  ['src/engine'],
  ['src/report'],
  ['src/cli'],
  ['src/action'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `${dir}/${file.split(path.sep).join('/')}`)
    .sort();
}

/** Every project module a file imports, as root-relative paths of .ts files. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((i) => i.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, '.ts'));
}

const FILES = [...sourceFiles('src'), ...sourceFiles('rules')];
const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]));

function folderOf(file: string): string {
  return file.startsWith('rules/') ? 'rules' : file.split('/').slice(0, 2).join('/');
}

function layerOf(file: string): number {
  return LAYERS.findIndex((layer) => layer.includes(folderOf(file)));
}

/** Imports of a module in a folder of the same or a higher layer than the importer's (its own folder aside). */
function upwardImports(graph: Map<string, string[]>): string[] {
  return [...graph].flatMap(([file, targets]) =>
    targets.filter((t) => folderOf(t) !== folderOf(file) && layerOf(t) >= layerOf(file)).map((t) => `${file} -> ${t}`),
  );
}

/** Files that import each other in a loop (strongly connected components of more than one file, or a self-import). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('layering', () => {
  it('reads the imports it judges', () => {
    expect(GRAPH.get('src/analyse/index.ts')).toContain('src/analyse/reachable-code.ts');
    expect(GRAPH.get('rules/index.ts')?.length).toBeGreaterThan(30);
  });

  it('places every folder of src/ on a layer', () => {
    const folders = [...new Set(FILES.map(folderOf))].sort();
    expect(folders.filter((folder) => !LAYERS.flat().includes(folder))).toEqual([]);
  });

  it('imports only existing modules', () => {
    const missing = [...GRAPH].flatMap(([file, targets]) => targets.filter((t) => !GRAPH.has(t)).map((t) => `${file} -> ${t}`));
    expect(missing).toEqual([]);
  });

  it('has no import from a lower layer to a higher one, nor between folders of one layer', () => {
    expect(upwardImports(GRAPH)).toEqual([]);
  });

  it('has rule modules import only the rule kit', () => {
    const rules = [...GRAPH].filter(([file]) => /^rules\/[^/]+\/[^/]+\.ts$/.test(file));
    expect(rules.length).toBeGreaterThan(30);
    const other = rules.flatMap(([file, targets]) => targets.filter((t) => t !== 'rules/kit.ts').map((t) => `${file} -> ${t}`));
    expect(other).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(GRAPH)).toEqual([]);
  });

  it('finds a cycle and an upward import when there is one', () => {
    const graph = new Map([
      ['src/model/a.ts', ['src/model/b.ts']],
      ['src/model/b.ts', ['src/model/a.ts', 'src/util/quote.ts']],
      ['src/model/c.ts', ['src/model/c.ts', 'src/load/files.ts']],
      ['src/fix/plan.ts', ['rules/kit.ts', 'src/analyse/index.ts']],
      ['src/engine/lint.ts', ['src/fix/plan.ts', 'src/report/sarif.ts']],
    ]);
    expect(cycles(graph)).toEqual([['src/model/a.ts', 'src/model/b.ts'], ['src/model/c.ts']]);
    expect(upwardImports(graph)).toEqual(['src/model/c.ts -> src/load/files.ts', 'src/fix/plan.ts -> rules/kit.ts', 'src/engine/lint.ts -> src/report/sarif.ts']);
  });
});
