// Template fragments: `resources: - ${file(resources/bucket.yml)}` makes resources/bucket.yml part of that
// Serverless service. Such a file is read through its service, never as a template of its own: linted alone it
// would report each problem twice and every reference to a resource the framework or another fragment declares.
import path from 'node:path';
import type { ProjectFiles } from './files.js';

/** Code configurations name their fragments in strings too (`Resources: '${file(./table.yml)}'`). */
const SERVERLESS_FILES = ['serverless.yml', 'serverless.yaml', 'serverless.json', 'serverless.js', 'serverless.ts'];
/** `${file(./resources/x.yml)}`, `${file(resources/x.yml):Resources}`; paths built from variables are not followed. */
const FILE_REFERENCE = /\$\{file\(\s*['"]?([^'")$:{}\s]+)['"]?\s*\)/g;

/**
 * The Serverless manifest that includes `file` with `${file(...)}`, looking in the file's folder and each folder
 * above it up to the root; undefined when none does. `memo` keeps each folder's answer for one load.
 */
export function includingServerlessManifest(files: ProjectFiles, file: string, memo: Map<string, Set<string>>): string | undefined {
  let dir = path.posix.dirname(file);
  if (dir === '.') dir = '';
  for (;;) {
    for (const name of SERVERLESS_FILES) {
      const manifest = dir === '' ? name : `${dir}/${name}`;
      if (manifest === file) continue;
      if (includedBy(files, manifest, dir, memo).has(file)) return manifest;
    }
    if (dir === '') return undefined;
    const parent = path.posix.dirname(dir);
    dir = parent === '.' ? '' : parent;
  }
}

function includedBy(files: ProjectFiles, manifest: string, dir: string, memo: Map<string, Set<string>>): Set<string> {
  let included = memo.get(manifest);
  if (included) return included;
  included = new Set<string>();
  memo.set(manifest, included);
  if (!files.isFile(manifest)) return included;
  const text = files.read(manifest);
  if (!text.ok) return included;
  for (const match of text.text.matchAll(FILE_REFERENCE)) {
    const rel = files.resolve(dir, match[1]!);
    if (rel !== undefined) included.add(rel);
  }
  return included;
}
