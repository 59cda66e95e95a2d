// How source analysis reads handler code: root-relative paths only, through a reader that refuses to leave the root.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
/** Normalises a root-relative path (`a/./b/../c` -> `a/c`); undefined when it climbs out of the root or is absolute. */
export function normaliseRootPath(rootRelativePath) {
    if (rootRelativePath.includes('\0'))
        return undefined;
    const slashed = rootRelativePath.replace(/\\/g, '/');
    if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed))
        return undefined;
    const parts = [];
    for (const part of slashed.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length === 0)
                return undefined;
            parts.pop();
            continue;
        }
        parts.push(part);
    }
    return parts.join('/');
}
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
/** A plain file-system reader for tests and small tools; the CLI uses the confined file loader instead. */
export function createFsSourceReader(root) {
    const realRoot = realpathSync(root);
    const inside = (rootRelativePath) => {
        const normal = normaliseRootPath(rootRelativePath);
        if (normal === undefined || normal === '')
            return undefined;
        let real;
        try {
            real = realpathSync(path.join(realRoot, normal));
        }
        catch {
            return undefined;
        }
        // A symlink may still point out of the root.
        const relative = path.relative(realRoot, real);
        if (relative.startsWith('..') || path.isAbsolute(relative))
            return undefined;
        return real;
    };
    return {
        exists(rootRelativePath) {
            const real = inside(rootRelativePath);
            if (real === undefined)
                return false;
            try {
                return statSync(real).isFile();
            }
            catch {
                return false;
            }
        },
        read(rootRelativePath) {
            if (normaliseRootPath(rootRelativePath) === undefined)
                return { ok: false, reason: 'the path leaves the project root' };
            const real = inside(rootRelativePath);
            if (real === undefined)
                return { ok: false, reason: 'the file does not exist inside the project root' };
            try {
                const stat = statSync(real);
                if (!stat.isFile())
                    return { ok: false, reason: 'not a regular file' };
                if (stat.size > MAX_SOURCE_BYTES)
                    return { ok: false, reason: `larger than ${MAX_SOURCE_BYTES} bytes` };
                const buffer = readFileSync(real);
                if (buffer.includes(0))
                    return { ok: false, reason: 'a binary file' };
                return { ok: true, text: buffer.toString('utf8') };
            }
            catch (error) {
                return { ok: false, reason: String(error.message ?? error) };
            }
        },
    };
}
