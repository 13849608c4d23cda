// Parses Markdown given as a string, as a document in a temporary folder.
import { parse, type ParseOptions } from '../../src/parse/index.js';
import type { Document } from '../../src/document.js';
import { VFileMessage } from 'vfile-message';

export function parseMarkdown(markdown: string, options: ParseOptions = {}, path = 'test.md'): Document {
  return parse({ path, value: markdown }, { assets: false, ...options });
}

/** The fatal message a document fails with. */
export function parseFailure(markdown: string, options: ParseOptions = {}): VFileMessage {
  try {
    parseMarkdown(markdown, options);
  } catch (error) {
    if (error instanceof VFileMessage) return error;
    throw error;
  }
  throw new Error('expected the document to fail');
}

export function messages(document: Document): string[] {
  return document.file.messages.map((m) => `${m.line ?? '-'}:${m.column ?? '-'} ${m.ruleId}: ${m.reason}`);
}
