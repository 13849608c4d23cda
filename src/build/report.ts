// The build report: per document its status, outputs (size and sha256) and
// messages with positions. Paths are relative, so reports are the same on
// every machine.
import type { VFileMessage } from 'vfile-message';
import { messageModel, type MessageModel } from '../emit/json/index.js';
import type { Shard } from './shard.js';

export interface OutputRecord {
  format: string;
  /** Relative to the output folder, `/` separators. */
  path: string;
  bytes: number;
  sha256: string;
}

export type MessageRecord = MessageModel;

export interface DocumentReport {
  /** Relative to the input root, `/` separators. */
  source: string;
  /** As the user would type it: relative to the working directory. */
  path: string;
  status: 'converted' | 'failed';
  /** True when nothing changed since an earlier build: its outputs were kept (or restored from the cache). */
  cached: boolean;
  outputs: OutputRecord[];
  messages: MessageRecord[];
}

export interface BuildSummary {
  documents: number;
  converted: number;
  /** Documents not converted again: unchanged since an earlier build. */
  cached: number;
  failed: number;
  outputs: number;
  errors: number;
  warnings: number;
}

export interface BuildReport {
  galley: { version: string };
  /** Input root and output folder, relative to the working directory. */
  root: string;
  out: string;
  formats: string[];
  /** The shard this build converted (`--shard i/n`), or null for all documents. */
  shard: Shard | null;
  documents: DocumentReport[];
  /** Sources gone since the last build, whose outputs were removed (relative to the input root). */
  removed: string[];
  summary: BuildSummary;
}

export function messageRecords(messages: readonly VFileMessage[]): MessageRecord[] {
  return messages.map(messageModel);
}

export function summarize(documents: readonly DocumentReport[]): BuildSummary {
  const all = documents.flatMap((d) => d.messages);
  return {
    documents: documents.length,
    converted: documents.filter((d) => d.status === 'converted').length,
    cached: documents.filter((d) => d.cached).length,
    failed: documents.filter((d) => d.status === 'failed').length,
    outputs: documents.reduce((sum, d) => sum + d.outputs.length, 0),
    errors: all.filter((m) => m.severity === 'error').length,
    warnings: all.filter((m) => m.severity === 'warning').length,
  };
}
