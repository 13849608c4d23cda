// `--shard i/n`: a stable 1/n of the documents, so that n CI runners split a
// corpus. A document's shard depends only on its path (relative to the input
// root), never on which other documents exist: adding a file moves nothing.
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export class ShardError extends Error {
  override name = 'ShardError';
}

export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new ShardError(`--shard takes I/N with 1 ≤ I ≤ N, such as 2/4, not "${value}"`);
  }
  return { index, count };
}

export function inShard(relative: string, shard: Shard): boolean {
  if (shard.count === 1) return true;
  const hash = createHash('sha256').update(relative).digest();
  return hash.readUInt32BE(0) % shard.count === shard.index - 1;
}
