// Finds files that ship with noops-lint (schemas, data) whether it runs from src/ or dist/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
let root;
export function packageRoot() {
    if (root)
        return root;
    let dir = path.dirname(fileURLToPath(import.meta.url));
    while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'schemas'))) {
        const parent = path.dirname(dir);
        if (parent === dir)
            throw new Error('noops-lint: cannot find its own package folder');
        dir = parent;
    }
    root = dir;
    return dir;
}
export function readPackageFile(relative) {
    return readFileSync(path.join(packageRoot(), relative), 'utf8');
}
export function readPackageJson(relative) {
    return JSON.parse(readPackageFile(relative));
}
export function toolVersion() {
    return readPackageJson('package.json').version;
}
