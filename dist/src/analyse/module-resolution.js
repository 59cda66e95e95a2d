// Turns an import specifier into a project file or a package name: relative paths, index files and tsconfig `paths`/`baseUrl`.
import path from 'node:path';
import ts, { loadTypeScriptNow } from './typescript.js';
import { normaliseRootPath } from './source-reader.js';
import { CODE_EXTENSIONS } from './source-files.js';
const SOURCE_FOR_OUTPUT = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'], '.jsx': ['.tsx'] };
export class ModuleResolver {
    reader;
    tsconfigByDir = new Map();
    resolved = new Map();
    constructor(reader) {
        this.reader = reader;
        // tsconfig files are read with TypeScript's own (JSON-with-comments) parser.
        loadTypeScriptNow();
    }
    resolve(fromFile, specifier) {
        const dir = path.posix.dirname(fromFile);
        const key = `${dir}\0${specifier}`;
        let result = this.resolved.get(key);
        if (!result) {
            result = this.compute(dir === '.' ? '' : dir, specifier);
            this.resolved.set(key, result);
        }
        return result;
    }
    /** Finds `base`, `base.ts`, ..., `base/index.ts`, ... (root-relative), or undefined. */
    probe(base) {
        const ext = path.posix.extname(base);
        if (ext) {
            for (const source of SOURCE_FOR_OUTPUT[ext] ?? []) {
                const candidate = base.slice(0, -ext.length) + source;
                if (this.reader.exists(candidate))
                    return candidate;
            }
            if (CODE_EXTENSIONS.includes(ext) && this.reader.exists(base))
                return base;
        }
        for (const candidateExt of CODE_EXTENSIONS) {
            if (this.reader.exists(base + candidateExt))
                return base + candidateExt;
        }
        for (const candidateExt of CODE_EXTENSIONS) {
            const candidate = base === '' ? `index${candidateExt}` : `${base}/index${candidateExt}`;
            if (this.reader.exists(candidate))
                return candidate;
        }
        return undefined;
    }
    compute(dir, specifier) {
        if (specifier.startsWith('.') || specifier.startsWith('/')) {
            if (specifier.startsWith('/'))
                return { kind: 'missing', reason: 'absolute paths are not followed' };
            return this.resolvePath(path.posix.join(dir, specifier), specifier);
        }
        if (specifier.startsWith('node:'))
            return { kind: 'package', name: specifier };
        const mapping = this.tsconfigFor(dir);
        if (mapping) {
            const mapped = this.resolveMapped(mapping, specifier);
            if (mapped)
                return mapped;
        }
        return { kind: 'package', name: specifier };
    }
    resolvePath(joined, specifier) {
        const normal = normaliseRootPath(joined);
        if (normal === undefined)
            return { kind: 'missing', reason: `${JSON.stringify(specifier)} leaves the project root` };
        const found = this.probe(normal);
        if (found)
            return { kind: 'file', file: found };
        if (path.posix.extname(normal) && this.reader.exists(normal))
            return { kind: 'data', file: normal };
        return { kind: 'missing', reason: `no file for ${JSON.stringify(specifier)}` };
    }
    resolveMapped(mapping, specifier) {
        // TypeScript prefers the pattern with the longest prefix.
        let best;
        for (const entry of mapping.paths) {
            const matches = entry.wildcard
                ? specifier.startsWith(entry.prefix) && specifier.endsWith(entry.suffix) && specifier.length >= entry.prefix.length + entry.suffix.length
                : specifier === entry.prefix;
            if (matches && (!best || entry.prefix.length > best.prefix.length))
                best = entry;
        }
        if (best) {
            const star = best.wildcard ? specifier.slice(best.prefix.length, specifier.length - best.suffix.length) : '';
            for (const target of best.targets) {
                const result = this.resolvePath(path.posix.join(mapping.base, target.replace('*', star)), specifier);
                if (result.kind === 'file')
                    return result;
            }
        }
        if (mapping.baseUrl !== undefined) {
            const result = this.resolvePath(path.posix.join(mapping.baseUrl, specifier), specifier);
            if (result.kind === 'file')
                return result;
        }
        return undefined;
    }
    /** The nearest tsconfig.json from `dir` up to the root, with its paths. */
    tsconfigFor(dir) {
        if (this.tsconfigByDir.has(dir))
            return this.tsconfigByDir.get(dir);
        const file = dir === '' ? 'tsconfig.json' : `${dir}/tsconfig.json`;
        let mapping;
        if (this.reader.exists(file))
            mapping = this.readTsconfig(file, 0);
        else if (dir !== '')
            mapping = this.tsconfigFor(path.posix.dirname(dir) === '.' ? '' : path.posix.dirname(dir));
        this.tsconfigByDir.set(dir, mapping);
        return mapping;
    }
    readTsconfig(file, depth) {
        const read = this.reader.read(file);
        if (!read.ok)
            return undefined;
        const parsed = ts.parseConfigFileTextToJson(file, read.text);
        const config = (parsed.config ?? {});
        const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
        let inherited;
        // Only a relative `extends` inside the root is followed; package presets rarely set paths.
        if (typeof config.extends === 'string' && config.extends.startsWith('.') && depth < 5) {
            const target = normaliseRootPath(path.posix.join(dir, config.extends));
            const withJson = target && !target.endsWith('.json') ? `${target}.json` : target;
            if (withJson && this.reader.exists(withJson))
                inherited = this.readTsconfig(withJson, depth + 1);
        }
        const options = config.compilerOptions ?? {};
        const baseUrl = typeof options.baseUrl === 'string' ? normaliseRootPath(path.posix.join(dir, options.baseUrl)) : inherited?.baseUrl;
        const paths = options.paths && typeof options.paths === 'object' ? parsePaths(options.paths) : undefined;
        if (!paths && baseUrl === undefined)
            return inherited;
        return {
            base: paths ? (baseUrl ?? dir) : (inherited?.base ?? dir),
            ...(baseUrl !== undefined ? { baseUrl } : {}),
            paths: paths ?? inherited?.paths ?? [],
        };
    }
}
function parsePaths(paths) {
    const result = [];
    for (const [pattern, targets] of Object.entries(paths)) {
        if (!Array.isArray(targets))
            continue;
        const star = pattern.indexOf('*');
        result.push({
            prefix: star === -1 ? pattern : pattern.slice(0, star),
            suffix: star === -1 ? '' : pattern.slice(star + 1),
            wildcard: star !== -1,
            targets: targets.filter((t) => typeof t === 'string'),
        });
    }
    return result;
}
