// The manifest in the output folder: every source with its outputs (path,
// format, bytes, sha256) and messages, so CI can publish and check the
// artifacts. It lists only files galley wrote, which is what lets a later
// build remove the outputs of a source that disappeared and nothing else.
// Paths are relative (sources to the input root, outputs to the output
// folder), so the manifest is the same on every machine; there is no date.
//
// A sharded build writes galley-manifest-<i>-of-<n>.json; `mergeManifests`
// joins the n of them (after the output folders were copied together) into
// galley-manifest.json, checking that every listed file is there.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { version } from '../version.js';
import type { MessageRecord, OutputRecord } from './report.js';
import type { Shard } from './shard.js';
import { writeAtomic } from './write.js';
import { sha256 } from './hash.js';

export const manifestVersion = 1;

export interface ManifestDocument {
  /** Relative to the input root, `/` separators. */
  source: string;
  status: 'converted' | 'failed';
  /** The cache key of this conversion (null when the build did not cache). */
  key: string | null;
  outputs: OutputRecord[];
  messages: MessageRecord[];
}

export interface Manifest {
  galley: { version: string; manifest: number };
  /** The input root, relative to the output folder. */
  root: string;
  shard: Shard | null;
  documents: ManifestDocument[];
}

export function manifestName(shard: Shard | null | undefined): string {
  return shard ? `galley-manifest-${shard.index}-of-${shard.count}.json` : 'galley-manifest.json';
}

/** Whether `name` (a file name in the output folder) is one of galley's manifests. */
export function isManifestName(name: string): boolean {
  return /^galley-manifest(-\d+-of-\d+)?\.json$/i.test(name);
}

export function readManifest(file: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (manifest?.galley?.manifest !== manifestVersion || !Array.isArray(manifest.documents)) return undefined;
    return manifest;
  } catch {
    return undefined;
  }
}

export function writeManifest(file: string, manifest: Manifest): void {
  writeAtomic(file, Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
}

export function newManifest(root: string, shard: Shard | null, documents: ManifestDocument[]): Manifest {
  return {
    galley: { version, manifest: manifestVersion },
    root,
    shard,
    documents: [...documents].sort((a, b) => compare(a.source, b.source)),
  };
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

/**
 * Joins the shard manifests found in `dir` into `dir/galley-manifest.json`
 * and removes them. Every shard 1…n must be there, no source may appear
 * twice, and every output listed must be in `dir` with its size and sha256.
 */
export function mergeManifests(dir: string): Manifest {
  const names = readdirSync(dir).filter((name) => /^galley-manifest-\d+-of-\d+\.json$/.test(name)).sort();
  if (names.length === 0) throw new ManifestError(`no shard manifests (galley-manifest-I-of-N.json) in ${dir}`);
  const manifests = names.map((name) => {
    const manifest = readManifest(path.join(dir, name));
    if (!manifest?.shard) throw new ManifestError(`${name}: not a galley shard manifest`);
    return { name, manifest };
  });
  const count = manifests[0]!.manifest.shard!.count;
  const seen = new Set<number>();
  for (const { name, manifest } of manifests) {
    if (manifest.shard!.count !== count) throw new ManifestError(`${name}: made with ${manifest.shard!.count} shards, the others with ${count}`);
    if (manifest.root !== manifests[0]!.manifest.root) throw new ManifestError(`${name}: another input root (${manifest.root})`);
    seen.add(manifest.shard!.index);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new ManifestError(`shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing`);
  const documents = new Map<string, ManifestDocument>();
  for (const { name, manifest } of manifests) {
    for (const document of manifest.documents) {
      if (documents.has(document.source)) throw new ManifestError(`${document.source} is in two shards (again in ${name})`);
      for (const output of document.outputs) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(path.join(dir, output.path));
        } catch {
          throw new ManifestError(`${output.path} (from ${name}) is missing`);
        }
        const hash = sha256(bytes);
        if (bytes.length !== output.bytes || hash !== output.sha256) throw new ManifestError(`${output.path} does not match ${name}`);
      }
      documents.set(document.source, document);
    }
  }
  const merged = newManifest(manifests[0]!.manifest.root, null, [...documents.values()]);
  writeManifest(path.join(dir, manifestName(null)), merged);
  for (const { name } of manifests) rmSync(path.join(dir, name), { force: true });
  return merged;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
