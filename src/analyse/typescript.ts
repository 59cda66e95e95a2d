// TypeScript's parser, loaded as CommonJS: an ESM import of its 9 MB file makes Node scan the whole file for ESM
// syntax and export names first, which doubles its load time (about 0.5 s per process, and per worker thread).
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import type * as TypeScript from 'typescript';

// Loaded on first use (loadTypeScriptNow, called by the parse cache): `noops-lint rules`, a run answered from the
// cache and a folder with no handler never pay for it. Modules read the live binding `ts` only while analysing code.
let ts = undefined as unknown as typeof TypeScript;

/** TypeScript, loading it the first time. */
export function loadTypeScriptNow(): typeof TypeScript {
  if (ts === undefined) ts = loadTypeScript();
  return ts;
}

/**
 * require('typescript'), with the file read as bytes: TypeScript's build is ASCII, and decoding ASCII as Latin-1 is
 * exact and takes a quarter of the time Node's UTF-8 file read does (about 0.15 s of each thread's start). Anything
 * unexpected (a non-ASCII build, a resolution or compile failure) falls back to require(). Measured against a plain
 * require() (Node 20, TypeScript 6.0, load and first parse, 15 fresh processes each on a busy 2-core machine):
 * median 0.82 s against 0.87 s, fastest 0.38 s against 0.54 s; each process and worker thread pays it once.
 */
function loadTypeScript(): typeof TypeScript {
  const require = createRequire(import.meta.url);
  try {
    const file = require.resolve('typescript');
    const bytes = readFileSync(file);
    if (!isAscii(bytes)) return require('typescript') as typeof TypeScript;
    const wrapper = vm.compileFunction(bytes.toString('latin1'), ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file });
    const module = { exports: {} as unknown };
    wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
    const loaded = module.exports as typeof TypeScript;
    return typeof loaded.createSourceFile === 'function' ? loaded : (require('typescript') as typeof TypeScript);
  } catch {
    return require('typescript') as typeof TypeScript;
  }
}

// The types the analysis names as ts.X (a namespace of types only merges with the const: values come from
// the const, types from here). Add a line when the analysis names a new one.
declare namespace ts {
  export type BinaryExpression = TypeScript.BinaryExpression;
  export type BinaryOperatorToken = TypeScript.BinaryOperatorToken;
  export type BindingName = TypeScript.BindingName;
  export type CallExpression = TypeScript.CallExpression;
  export type ClassDeclaration = TypeScript.ClassDeclaration;
  export type ClassExpression = TypeScript.ClassExpression;
  export type ClassLikeDeclaration = TypeScript.ClassLikeDeclaration;
  export type ConciseBody = TypeScript.ConciseBody;
  export type ConstructorDeclaration = TypeScript.ConstructorDeclaration;
  export type Declaration = TypeScript.Declaration;
  export type DiagnosticWithLocation = TypeScript.DiagnosticWithLocation;
  export type Expression = TypeScript.Expression;
  export type ExpressionStatement = TypeScript.ExpressionStatement;
  export type FunctionDeclaration = TypeScript.FunctionDeclaration;
  export type FunctionExpression = TypeScript.FunctionExpression;
  export type FunctionLikeDeclaration = TypeScript.FunctionLikeDeclaration;
  export type Identifier = TypeScript.Identifier;
  export type MemberName = TypeScript.MemberName;
  export type ModifierFlags = TypeScript.ModifierFlags;
  export type NewExpression = TypeScript.NewExpression;
  export type Node = TypeScript.Node;
  export type NodeFlags = TypeScript.NodeFlags;
  export type ObjectLiteralExpression = TypeScript.ObjectLiteralExpression;
  export type ParameterDeclaration = TypeScript.ParameterDeclaration;
  export type PropertyName = TypeScript.PropertyName;
  export type ScriptKind = TypeScript.ScriptKind;
  export type ScriptTarget = TypeScript.ScriptTarget;
  export type SignatureDeclaration = TypeScript.SignatureDeclaration;
  export type SourceFile = TypeScript.SourceFile;
  export type Statement = TypeScript.Statement;
  export type StringLiteralLike = TypeScript.StringLiteralLike;
  export type SyntaxKind = TypeScript.SyntaxKind;
  export type ThisExpression = TypeScript.ThisExpression;
  export type VariableDeclaration = TypeScript.VariableDeclaration;
  export type VariableDeclarationList = TypeScript.VariableDeclarationList;
}

export { ts as default };
