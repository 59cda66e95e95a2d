import { collectModuleInfo } from './module-info.js';
import { ModuleResolver } from './module-resolution.js';
import { SourceCache } from './source-files.js';
export class AnalysisContext {
    reader;
    sources;
    resolver;
    infos = new WeakMap();
    /** The module each parsed SourceFile belongs to. */
    modulesBySourceFile = new WeakMap();
    constructor(reader) {
        this.reader = reader;
        this.sources = new SourceCache(reader);
        this.resolver = new ModuleResolver(reader);
    }
    load(file) {
        const result = this.sources.load(file);
        if (!result.ok)
            return undefined;
        this.modulesBySourceFile.set(result.module.sourceFile, result.module);
        return result.module;
    }
    moduleOf(node) {
        return this.modulesBySourceFile.get(node.getSourceFile());
    }
    info(module) {
        let info = this.infos.get(module);
        if (!info) {
            info = collectModuleInfo(module);
            this.infos.set(module, info);
        }
        return info;
    }
    resolveSpecifier(from, specifier) {
        const resolution = this.resolver.resolve(from.file, specifier);
        if (resolution.kind === 'package')
            return { kind: 'package', name: resolution.name };
        if (resolution.kind === 'missing')
            return { kind: 'unknown', reason: resolution.reason };
        if (resolution.kind === 'data')
            return { kind: 'data', file: resolution.file };
        const loaded = this.sources.load(resolution.file);
        if (!loaded.ok)
            return { kind: 'unknown', reason: loaded.finding.message.replace(/\.$/, '') };
        this.modulesBySourceFile.set(loaded.module.sourceFile, loaded.module);
        return { kind: 'module', module: loaded.module };
    }
}
