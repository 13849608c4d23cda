// The one IO gate: every file galley reads (documents, images, later fonts)
// goes through `read`. It resolves the path once, follows symlinks, requires
// the real path to stay inside an allowed root, requires a regular file, and
// caps the size before reading.
import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';

export type GateFailure = 'not-found' | 'outside-root' | 'not-a-file' | 'too-large' | 'unreadable';

export class GateError extends Error {
  constructor(
    readonly reason: GateFailure,
    message: string,
  ) {
    super(message);
    this.name = 'GateError';
  }
}

export interface GateFile {
  /** Real absolute path. */
  realPath: string;
  /** Path relative to the root it was found in, with `/` separators. */
  relativePath: string;
  bytes: Buffer;
}

export interface Gate {
  /** Real path of the main root (the input root). */
  readonly root: string;
  /** Reads `target` (absolute, or relative to the root) if the rules allow it. */
  read(target: string, maxBytes: number): GateFile;
}

/** A gate over `root` plus optional extra roots (asset or font folders). */
export function createGate(root: string, extraRoots: readonly string[] = []): Gate {
  const lexicalRoots = [root, ...extraRoots].map((r) => path.resolve(r));
  const roots = lexicalRoots.map((r) => realRoot(r));
  const mainRoot = roots[0] as string;
  return {
    root: mainRoot,
    read(target, maxBytes) {
      const resolved = path.resolve(mainRoot, target);
      // Checked before touching the file system too, so that a document
      // cannot probe which files exist outside the root.
      if (!rootOf(roots, resolved) && !rootOf(lexicalRoots, resolved)) throw outside(target);
      const real = realPathOf(resolved, target);
      const inside = rootOf(roots, real);
      if (!inside) throw outside(target);
      return { realPath: real, relativePath: toPosix(path.relative(inside, real)), bytes: readCapped(real, target, maxBytes) };
    },
  };
}

function rootOf(roots: readonly string[], target: string): string | undefined {
  return roots.find((r) => target === r || target.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
}

function outside(target: string): GateError {
  return new GateError('outside-root', `"${target}" is outside the input folder`);
}

function realRoot(root: string): string {
  try {
    return realpathSync(path.resolve(root));
  } catch {
    throw new GateError('not-found', `folder "${root}" does not exist`);
  }
}

function realPathOf(resolved: string, shown: string): string {
  try {
    return realpathSync(resolved);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new GateError('not-found', `"${shown}" does not exist`);
    throw new GateError('unreadable', `"${shown}" cannot be read (${code ?? 'error'})`);
  }
}

// Open first, then check the open file: no window between the check and the read.
function readCapped(real: string, shown: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(real, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new GateError('not-a-file', `"${shown}" is not a regular file`);
    throw new GateError('unreadable', `"${shown}" cannot be read (${code ?? 'error'})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new GateError('not-a-file', `"${shown}" is not a regular file`);
    if (stat.size > maxBytes) {
      throw new GateError('too-large', `"${shown}" is ${stat.size} bytes, over the ${maxBytes}-byte limit`);
    }
    const bytes = Buffer.alloc(stat.size);
    let offset = 0;
    while (offset < bytes.length) {
      const read = readSync(fd, bytes, offset, bytes.length - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return offset === bytes.length ? bytes : bytes.subarray(0, offset);
  } finally {
    closeSync(fd);
  }
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
