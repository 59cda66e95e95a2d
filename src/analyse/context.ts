// State shared by the analysis of every function in one run: parsed files, module facts, resolutions, summaries.
import type ts from './typescript.js';
import { collectModuleInfo, type ModuleInfo } from './module-info.js';
import { ModuleResolver } from './module-resolution.js';
import { SourceCache, type SourceModule } from './source-files.js';
import type { SourceReader } from './source-reader.js';

export type ModuleTarget =
  | { kind: 'module'; module: SourceModule }
  | { kind: 'package'; name: string }
  /** A project file that is not code (`import config from './config.json'`). */
  | { kind: 'data'; file: string }
  | { kind: 'unknown'; reason: string };

export class AnalysisContext {
  readonly sources: SourceCache;
  readonly resolver: ModuleResolver;
  private readonly infos = new WeakMap<SourceModule, ModuleInfo>();
  /** The module each parsed SourceFile belongs to. */
  private readonly modulesBySourceFile = new WeakMap<ts.SourceFile, SourceModule>();

  constructor(readonly reader: SourceReader) {
    this.sources = new SourceCache(reader);
    this.resolver = new ModuleResolver(reader);
  }

  load(file: string): SourceModule | undefined {
    const result = this.sources.load(file);
    if (!result.ok) return undefined;
    this.modulesBySourceFile.set(result.module.sourceFile, result.module);
    return result.module;
  }

  moduleOf(node: ts.Node): SourceModule | undefined {
    return this.modulesBySourceFile.get(node.getSourceFile());
  }

  info(module: SourceModule): ModuleInfo {
    let info = this.infos.get(module);
    if (!info) {
      info = collectModuleInfo(module);
      this.infos.set(module, info);
    }
    return info;
  }

  resolveSpecifier(from: SourceModule, specifier: string): ModuleTarget {
    const resolution = this.resolver.resolve(from.file, specifier);
    if (resolution.kind === 'package') return { kind: 'package', name: resolution.name };
    if (resolution.kind === 'missing') return { kind: 'unknown', reason: resolution.reason };
    if (resolution.kind === 'data') return { kind: 'data', file: resolution.file };
    const loaded = this.sources.load(resolution.file);
    if (!loaded.ok) return { kind: 'unknown', reason: loaded.finding.message.replace(/\.$/, '') };
    this.modulesBySourceFile.set(loaded.module.sourceFile, loaded.module);
    return { kind: 'module', module: loaded.module };
  }
}
