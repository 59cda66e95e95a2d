import { createRequire as __noopsCreateRequire } from 'node:module';
const require = __noopsCreateRequire(import.meta.url);

// src/load/files.ts
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import path from "node:path";
var FILE_LIMITS = {
  /**
   * Manifests and source files larger than this are skipped. CloudFormation itself refuses templates over
   * 1 MB, and a file twice that size already takes seconds to parse and analyse on a small CI runner.
   */
  maxFileBytes: 2 * 1024 * 1024
};
function isGitPath(rel) {
  return rel.split(/[\\/]/).some((part) => part.toLowerCase().replace(/[. ]+$/, "") === ".git");
}
var GIT_REFUSAL = "it is inside the repository's .git folder, which noops-lint never reads";
var NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
var ProjectFiles = class {
  constructor(root) {
    this.root = root;
    this.realRoot = safeRealpath(root) ?? root;
  }
  root;
  realRoot;
  cache = /* @__PURE__ */ new Map();
  isFileCache = /* @__PURE__ */ new Map();
  /** Each root-relative folder's entries (null: it cannot be listed). */
  listings = /* @__PURE__ */ new Map();
  /** Paths read or probed since `startRecording`, so a cache can tell which files a result depends on. */
  recorded;
  /** Root-relative posix path of an absolute path, or undefined when it is outside the root. */
  relative(absolute) {
    const rel = path.relative(this.root, absolute);
    if (rel === "") return "";
    if (rel.startsWith("..") || path.isAbsolute(rel)) return void 0;
    return rel.split(path.sep).join("/");
  }
  /**
   * Joins a path written in a manifest or import (relative to `fromDir`, root-relative) and returns the
   * root-relative result, or undefined when it leaves the root or is absolute.
   */
  resolve(fromDir, written) {
    if (written.includes("\0")) return void 0;
    if (path.posix.isAbsolute(written) || path.win32.isAbsolute(written)) return void 0;
    const joined = path.posix.normalize(path.posix.join(fromDir || ".", written.replace(/\\/g, "/")));
    if (joined === ".." || joined.startsWith("../")) return void 0;
    return joined === "." ? "" : joined.replace(/\/$/, "");
  }
  absolute(rel) {
    return path.join(this.root, ...rel.split("/"));
  }
  /** Starts collecting every path read or probed (reads served from memory included); returns the live set. */
  startRecording() {
    this.recorded = /* @__PURE__ */ new Set();
    return this.recorded;
  }
  stopRecording() {
    this.recorded = void 0;
  }
  /** True when `rel` exists as a file inside the root (after following symlinks); asked once per path per run. */
  isFile(rel) {
    this.recorded?.add(rel);
    let known = this.isFileCache.get(rel);
    if (known === void 0) {
      known = this.isFileUncached(rel);
      this.isFileCache.set(rel, known);
    }
    return known;
  }
  isFileUncached(rel) {
    if (isGitPath(rel) || this.isSurelyMissing(rel)) return false;
    const plain = this.plainKind(rel);
    if (plain !== void 0) return plain === "file";
    const abs = this.absolute(rel);
    const real = safeRealpath(abs);
    if (!real || !this.isInsideRoot(real) || this.isGitReal(real)) return false;
    try {
      return statSync(real).isFile();
    } catch {
      return false;
    }
  }
  /**
   * The sorted entries of a root-relative folder with their kinds (links not followed), or undefined when it
   * cannot be listed. Listings are read once per run and shared with module resolution.
   */
  entries(dir) {
    const listing = this.listing(dir);
    if (!listing) return void 0;
    return [...listing.kinds].sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  }
  /** The entries of a root-relative folder whose names are not valid UTF-8 (escaped for display), sorted. */
  undecodableEntries(dir) {
    return [...this.listing(dir)?.undecodable ?? []].sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  }
  listing(dir) {
    let listing = this.listings.get(dir);
    if (listing === void 0) {
      try {
        const kinds = /* @__PURE__ */ new Map();
        const undecodable = [];
        for (const entry of readdirSync(this.absolute(dir), { withFileTypes: true, encoding: "buffer" })) {
          const raw = entry.name;
          if (isUtf8(raw)) kinds.set(raw.toString("utf8"), kindOf(entry));
          else undecodable.push([escapeBytes(raw), kindOf(entry)]);
        }
        listing = { kinds, lower: new Set([...kinds.keys()].map((name) => name.toLowerCase())), undecodable };
      } catch (error) {
        const code = error.code;
        listing = code === "ENOENT" || code === "ENOTDIR" ? { kinds: /* @__PURE__ */ new Map(), lower: /* @__PURE__ */ new Set(), undecodable: [] } : null;
      }
      this.listings.set(dir, listing);
    }
    return listing;
  }
  /**
   * The kind of `rel` when every part of its path, from the root down, is a plain folder entry spelt exactly so
   * and none is a symbolic link: then it is inside the root without asking realpath. Undefined sends the caller
   * the slow way (links, case differences, unlistable folders).
   */
  plainKind(rel) {
    if (rel === "") return void 0;
    let dir = "";
    let start = 0;
    for (; ; ) {
      const slash = rel.indexOf("/", start);
      const name = slash < 0 ? rel.slice(start) : rel.slice(start, slash);
      if (name === "" || name === "." || name === "..") return void 0;
      const kind = this.listing(dir)?.kinds.get(name);
      if (kind === void 0 || kind === "link") return void 0;
      if (slash < 0) return kind;
      if (kind !== "dir") return void 0;
      dir = rel.slice(0, slash);
      start = slash + 1;
    }
  }
  isInsideRoot(realAbsolute) {
    const rel = path.relative(this.realRoot, realAbsolute);
    return rel === "" || !rel.startsWith("..") && !path.isAbsolute(rel);
  }
  /** A real path (symbolic links followed) that lies in the root's `.git` folder or another one below the root. */
  isGitReal(realAbsolute) {
    return isGitPath(path.relative(this.realRoot, realAbsolute));
  }
  /** Reads a root-relative file as UTF-8 text, once per run. */
  read(rel) {
    this.recorded?.add(rel);
    const cached = this.cache.get(rel);
    if (cached) return cached;
    const result = this.readUncached(rel);
    this.cache.set(rel, result);
    return result;
  }
  /**
   * Module resolution probes many names that do not exist (`./db` as db.ts, db.tsx, db.js, db/index.ts, ...);
   * a failed realpath costs a thrown error each. One listing per folder answers those; a name that differs
   * only in case still takes the slow path, for case-insensitive file systems.
   */
  isSurelyMissing(rel) {
    const slash = rel.lastIndexOf("/");
    const dir = slash < 0 ? "" : rel.slice(0, slash);
    const name = rel.slice(slash + 1);
    if (name === "" || name === "." || name === ".." || dir.split("/").includes("..")) return false;
    const listing = this.listing(dir);
    return listing !== null && !listing.lower.has(name.toLowerCase());
  }
  readUncached(rel) {
    if (isGitPath(rel)) return { ok: false, reason: GIT_REFUSAL };
    if (this.isSurelyMissing(rel)) return { ok: false, reason: "it does not exist or is a broken link" };
    const abs = this.absolute(rel);
    let fd;
    if (this.plainKind(rel) === "file") {
      try {
        fd = openSync(abs, constants.O_RDONLY | NO_FOLLOW);
      } catch {
        fd = void 0;
      }
    }
    if (fd === void 0) {
      const real = safeRealpath(abs);
      if (!real) return { ok: false, reason: "it does not exist or is a broken link" };
      if (!this.isInsideRoot(real)) return { ok: false, reason: "it resolves to a path outside the project root" };
      if (this.isGitReal(real)) return { ok: false, reason: GIT_REFUSAL };
      try {
        fd = openSync(real, "r");
      } catch (error) {
        return { ok: false, reason: `it cannot be opened (${error.code ?? "error"})` };
      }
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return { ok: false, reason: "it is not a regular file" };
      if (stat.size > FILE_LIMITS.maxFileBytes) {
        return { ok: false, reason: `it is larger than ${FILE_LIMITS.maxFileBytes / 1024 / 1024} MiB (${(stat.size / 1024 / 1024).toFixed(1)} MiB)` };
      }
      const buffer = Buffer.alloc(stat.size);
      let offset = 0;
      while (offset < stat.size) {
        const n = readSync(fd, buffer, offset, stat.size - offset, offset);
        if (n === 0) break;
        offset += n;
      }
      const bytes = buffer.subarray(0, offset);
      if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: "it looks binary (it contains NUL bytes)" };
      try {
        const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        return bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? { ok: true, text, file: rel, bom: true } : { ok: true, text, file: rel };
      } catch {
        return { ok: false, reason: "it is not valid UTF-8" };
      }
    } finally {
      closeSync(fd);
    }
  }
};
function escapeBytes(bytes) {
  let text = "";
  for (const byte of bytes) text += byte >= 32 && byte < 127 && byte !== 92 ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, "0")}`;
  return text;
}
function kindOf(entry) {
  if (entry.isSymbolicLink()) return "link";
  if (entry.isFile()) return "file";
  if (entry.isDirectory()) return "dir";
  return "other";
}
function safeRealpath(p) {
  try {
    return realpathSync.native(p);
  } catch {
    return void 0;
  }
}

export {
  FILE_LIMITS,
  isGitPath,
  GIT_REFUSAL,
  ProjectFiles
};
