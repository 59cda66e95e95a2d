// The --cache file: each candidate file's findings, reused while the tool, the settings and every file its analysis read are unchanged.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
/** Bumped when the file's shape changes; any other format is ignored and rewritten. */
const FORMAT = 'noops-lint-cache/1';
/** The file written inside a folder given as --cache-location (and inside the default folder). */
export const CACHE_FILE_NAME = 'lint-cache.json';
/** The default location: node_modules/.cache/noops-lint under the project root, as ESLint's and Babel's caches. */
export function defaultCacheLocation(root) {
    return path.join(root, 'node_modules', '.cache', 'noops-lint');
}
/** A folder (existing, or written with a trailing slash) holds the cache file; anything else is the file itself. */
export function cacheFilePath(location) {
    if (/[\\/]$/.test(location))
        return path.join(location, CACHE_FILE_NAME);
    try {
        if (statSync(location).isDirectory())
            return path.join(location, CACHE_FILE_NAME);
    }
    catch {
        // Does not exist yet: a file, unless it is the default folder.
    }
    return location;
}
/** What a file looks like now: the hash of its text, or why it cannot be read (missing, binary, outside the root). */
export function fileFingerprint(files, rel) {
    const read = files.read(rel);
    return read.ok ? createHash('sha1').update(read.text).digest('base64') : `!${read.reason}`;
}
export class LintCache {
    file;
    key;
    entries;
    changed = false;
    constructor(file, key, entries, stale) {
        this.file = file;
        this.key = key;
        this.entries = entries;
        this.changed = stale;
    }
    /** Opens the cache; a missing, unreadable, corrupt or foreign file, or another key, is an empty cache. */
    static open(location, key) {
        const file = cacheFilePath(location);
        let parsed;
        try {
            parsed = JSON.parse(readFileSync(file, 'utf8'));
        }
        catch {
            return new LintCache(file, key, {}, true);
        }
        if (!isCacheFile(parsed) || parsed.key !== key)
            return new LintCache(file, key, {}, true);
        return new LintCache(file, key, parsed.entries, false);
    }
    /** The stored result when every file it depends on still has the same fingerprint. */
    lookup(candidate, fingerprint) {
        const entry = Object.hasOwn(this.entries, candidate) ? this.entries[candidate] : undefined;
        if (!entry || !isUnitResult(entry) || entry.candidate !== candidate)
            return undefined;
        for (const [rel, print] of Object.entries(entry.dependencies)) {
            if (fingerprint(rel) !== print)
                return undefined;
        }
        return entry;
    }
    store(candidate, result) {
        this.entries[candidate] = result;
        this.changed = true;
    }
    /** Writes the file next to its final place and renames it, so a crash never leaves half a cache; a failure only costs the next run time. */
    save() {
        if (!this.changed)
            return;
        const body = { format: FORMAT, key: this.key, entries: this.entries };
        const temporary = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        try {
            mkdirSync(path.dirname(this.file), { recursive: true });
            writeFileSync(temporary, JSON.stringify(body));
            renameSync(temporary, this.file);
            this.changed = false;
        }
        catch {
            rmSync(temporary, { force: true });
        }
    }
}
function isCacheFile(value) {
    if (value === null || typeof value !== 'object')
        return false;
    const file = value;
    return file.format === FORMAT && typeof file.key === 'string' && file.entries !== null && typeof file.entries === 'object' && !Array.isArray(file.entries);
}
/** Enough of the shape to use an entry without a crash; a damaged entry is a miss. */
function isUnitResult(value) {
    if (value === null || typeof value !== 'object')
        return false;
    const r = value;
    return (typeof r.candidate === 'string' &&
        Array.isArray(r.findings) &&
        r.findings.every((f) => f !== null && typeof f === 'object' && typeof f.ruleId === 'string' && f.location !== null && typeof f.location === 'object' && Array.isArray(f.related)) &&
        Array.isArray(r.files) &&
        Array.isArray(r.sourceFiles) &&
        Array.isArray(r.functions) &&
        Array.isArray(r.metadata) &&
        r.dependencies !== null &&
        typeof r.dependencies === 'object' &&
        Object.values(r.dependencies).every((v) => typeof v === 'string'));
}
