// Reads files confined to the project root: no path may leave it (.., absolute paths, symlinks out),
// and binary, oversized or non-UTF-8 files are refused with a reason.
import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
export const FILE_LIMITS = {
    /**
     * Manifests and source files larger than this are skipped. CloudFormation itself refuses templates over
     * 1 MB, and a file twice that size already takes seconds to parse and analyse on a small CI runner.
     */
    maxFileBytes: 2 * 1024 * 1024,
};
export class ProjectFiles {
    root;
    realRoot;
    cache = new Map();
    constructor(root) {
        this.root = root;
        this.realRoot = safeRealpath(root) ?? root;
    }
    /** Root-relative posix path of an absolute path, or undefined when it is outside the root. */
    relative(absolute) {
        const rel = path.relative(this.root, absolute);
        if (rel === '')
            return '';
        if (rel.startsWith('..') || path.isAbsolute(rel))
            return undefined;
        return rel.split(path.sep).join('/');
    }
    /**
     * Joins a path written in a manifest or import (relative to `fromDir`, root-relative) and returns the
     * root-relative result, or undefined when it leaves the root or is absolute.
     */
    resolve(fromDir, written) {
        if (written.includes('\0'))
            return undefined;
        if (path.posix.isAbsolute(written) || path.win32.isAbsolute(written))
            return undefined;
        const joined = path.posix.normalize(path.posix.join(fromDir || '.', written.replace(/\\/g, '/')));
        if (joined === '..' || joined.startsWith('../'))
            return undefined;
        return joined === '.' ? '' : joined.replace(/\/$/, '');
    }
    absolute(rel) {
        return path.join(this.root, ...rel.split('/'));
    }
    /** True when `rel` exists as a file inside the root (after following symlinks). */
    isFile(rel) {
        const abs = this.absolute(rel);
        const real = safeRealpath(abs);
        if (!real || !this.isInsideRoot(real))
            return false;
        try {
            return statSync(real).isFile();
        }
        catch {
            return false;
        }
    }
    isInsideRoot(realAbsolute) {
        const rel = path.relative(this.realRoot, realAbsolute);
        return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
    }
    /** Reads a root-relative file as UTF-8 text, once per run. */
    read(rel) {
        const cached = this.cache.get(rel);
        if (cached)
            return cached;
        const result = this.readUncached(rel);
        this.cache.set(rel, result);
        return result;
    }
    readUncached(rel) {
        const abs = this.absolute(rel);
        const real = safeRealpath(abs);
        if (!real)
            return { ok: false, reason: 'it does not exist or is a broken link' };
        if (!this.isInsideRoot(real))
            return { ok: false, reason: 'it resolves to a path outside the project root' };
        let fd;
        try {
            fd = openSync(real, 'r');
        }
        catch (error) {
            return { ok: false, reason: `it cannot be opened (${error.code ?? 'error'})` };
        }
        try {
            const stat = fstatSync(fd);
            if (!stat.isFile())
                return { ok: false, reason: 'it is not a regular file' };
            if (stat.size > FILE_LIMITS.maxFileBytes) {
                return { ok: false, reason: `it is larger than ${FILE_LIMITS.maxFileBytes / 1024 / 1024} MiB (${(stat.size / 1024 / 1024).toFixed(1)} MiB)` };
            }
            const buffer = Buffer.alloc(stat.size);
            let offset = 0;
            while (offset < stat.size) {
                const n = readSync(fd, buffer, offset, stat.size - offset, offset);
                if (n === 0)
                    break;
                offset += n;
            }
            const bytes = buffer.subarray(0, offset);
            if (bytes.subarray(0, 8192).includes(0))
                return { ok: false, reason: 'it looks binary (it contains NUL bytes)' };
            try {
                return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), file: rel };
            }
            catch {
                return { ok: false, reason: 'it is not valid UTF-8' };
            }
        }
        finally {
            closeSync(fd);
        }
    }
}
function safeRealpath(p) {
    try {
        return realpathSync(p);
    }
    catch {
        return undefined;
    }
}
