// The JSON emitter: the versioned document model, documented by schema.json
// next to this file. `tree` is the mdast itself, with positions unless
// `json.positions` is false.
import type { Nodes } from 'mdast';
import { createHash } from 'node:crypto';
import type { VFileMessage } from 'vfile-message';
import { galleyData, type Document } from '../../document.js';
import { version } from '../../version.js';
import type { EmitOptions, TextEmitter } from '../types.js';

/** Bumped whenever the shape of the model changes incompatibly. */
export const modelVersion = 1;

export interface JsonOptions {
  /** Keep `position` on every node (default true). */
  positions: boolean;
  /** Indent the output (default false: one line, like `pandoc -t json`). */
  pretty: boolean;
}

export const defaultJsonOptions: JsonOptions = { positions: true, pretty: false };

export const jsonEmitter: TextEmitter = {
  name: 'json',
  extension: 'json',
  description: 'the document model: metadata, outline, messages and the mdast tree',
  kind: 'text',
  emit(document, options) {
    return emitJson(document, { ...defaultJsonOptions, ...(options.json as Partial<JsonOptions> | undefined) });
  },
};

export function toJsonModel(document: Document, options: JsonOptions = defaultJsonOptions) {
  const data = galleyData(document.file);
  return {
    galley: { version, model: modelVersion },
    source: data.source,
    meta: data.meta,
    outline: data.outline,
    footnotes: data.footnotes,
    assets: Object.entries(data.assets).map(([key, asset]) => ({
      key,
      path: asset.path,
      mediaType: asset.mediaType,
      width: asset.width,
      height: asset.height,
      bytes: asset.bytes.length,
      sha256: createHash('sha256').update(asset.bytes).digest('hex'),
    })),
    // Parse-stage messages only: what other emitters report depends on which ran.
    messages: document.file.messages.filter((m) => m.source === 'galley').map(messageModel),
    tree: options.positions ? document.tree : withoutPositions(document.tree),
  };
}

export function emitJson(document: Document, options: JsonOptions): string {
  return JSON.stringify(toJsonModel(document, options), null, options.pretty ? 2 : undefined) + '\n';
}

export type Severity = 'error' | 'warning' | 'info';

export interface MessageModel {
  severity: Severity;
  message: string;
  line: number | null;
  column: number | null;
  ruleId: string | null;
  source: string | null;
}

export function messageModel(message: VFileMessage): MessageModel {
  return {
    severity: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info',
    message: message.reason,
    line: message.line ?? null,
    column: message.column ?? null,
    ruleId: message.ruleId ?? null,
    source: message.source ?? null,
  };
}

function withoutPositions(node: Nodes): Nodes {
  const { position: _position, ...rest } = node;
  if ('children' in rest) {
    return { ...rest, children: (rest.children as Nodes[]).map(withoutPositions) } as Nodes;
  }
  return rest as Nodes;
}
