// Finds files that ship with noops-lint (schemas, data) whether it runs from src/ or dist/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'schemas'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('noops-lint: cannot find its own package folder');
    dir = parent;
  }
  root = dir;
  return dir;
}

export function readPackageFile(relative: string): string {
  return readFileSync(path.join(packageRoot(), relative), 'utf8');
}

export function readPackageJson<T>(relative: string): T {
  return JSON.parse(readPackageFile(relative)) as T;
}

export function toolVersion(): string {
  return readPackageJson<{ version: string }>('package.json').version;
}
