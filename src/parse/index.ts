// The one parse stage: Markdown text → Document (mdast + resolved file.data).
// Run once per document; every emitter reads what it resolves.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import path from 'node:path';
import { VFile } from 'vfile';
import type { Document, OutlineEntry } from '../document.js';
import { createGate, toPosix, type Gate } from '../io/gate.js';
import { defaultLimits, type Limits } from '../limits.js';
import { footnoteOrder } from './footnotes.js';
import { readFrontMatter, refuseNonYamlFence } from './front-matter.js';
import { assignHeadingIds } from './heading-ids.js';
import { resolveImages } from './images.js';
import { resolveLanguage, resolveMeta } from './meta.js';
import { decodeSource } from './normalize.js';
import { parseMarkdown } from './markdown/index.js';
import { markPageBreaks } from './page-breaks.js';
import { checkSourceNesting, checkStructure } from './structure.js';
import { applyTypography } from './typography.js';
import { applyUrlPolicy } from './url-policy.js';

export interface ParseOptions {
  /** Smart quotes, dashes, ellipses and French spacing (default true). */
  smart?: boolean;
  /** Metadata used when front matter does not say (from the config file). */
  metaDefaults?: MetaChoices;
  /** Metadata that beats front matter (from command-line flags). */
  metaOverrides?: MetaChoices;
  /** Read local images into assets (default true). */
  assets?: boolean;
  /** Folder documents and images must stay inside (default: the document's folder). */
  root?: string;
  /** A ready gate (the build shares one across documents) for reading images. */
  gate?: Gate;
  limits?: Partial<Limits>;
}

export interface SourceInput {
  /** File path (absolute or relative to the working directory); absent for stdin. */
  path?: string;
  value: string | Uint8Array;
}

/** The metadata a config file or flag may choose. Precedence: defaults < config < front matter < flags. */
export interface MetaChoices {
  toc?: boolean;
  lang?: string;
}

/**
 * Parses and resolves one document. Problems are messages on `document.file`;
 * a fatal one (broken front matter, a limit) throws a VFileMessage.
 */
export function parse(input: SourceInput, options: ParseOptions = {}): Document {
  const limits = { ...defaultLimits, ...options.limits };
  const filePath = input.path === undefined ? undefined : path.resolve(input.path);
  const file = new VFile({ path: filePath });
  const bytes = typeof input.value === 'string' ? Buffer.from(input.value, 'utf8') : input.value;
  if (bytes.length > limits.maxFileBytes) {
    file.fail(`document is ${bytes.length} bytes, over the ${limits.maxFileBytes}-byte limit`, {
      ruleId: 'file-size',
      source: 'galley',
    });
  }
  const decoded = decodeSource(bytes);
  file.value = decoded.text;
  if (decoded.invalidUtf8Line !== undefined) {
    file.message('invalid UTF-8; undecodable bytes were replaced by U+FFFD', {
      place: { line: decoded.invalidUtf8Line, column: 1 },
      ruleId: 'invalid-utf8',
      source: 'galley',
    });
  }
  if (decoded.replaced > 0) {
    file.message(`${decoded.replaced} control or unpaired surrogate characters replaced by U+FFFD`, {
      ruleId: 'forbidden-characters',
      source: 'galley',
    });
  }
  refuseNonYamlFence(decoded.text, file);
  checkSourceNesting(decoded.text, file, limits);

  let tree = parseSafely(decoded.text, file, true);
  let frontMatter = readFrontMatter(tree, file, limits);
  if (frontMatter === null) {
    tree = parseSafely(decoded.text, file, false);
    frontMatter = {};
  }
  checkStructure(tree, file, limits);

  markPageBreaks(tree);
  assignHeadingIds(tree, file);
  applyUrlPolicy(tree, file);
  const root = path.resolve(options.root ?? options.gate?.root ?? (filePath ? path.dirname(filePath) : '.'));
  const assets =
    options.assets === false ? {} : resolveImages(tree, file, options.gate ?? createGate(root), limits);

  const warn = (key: string, expected: string) =>
    file.message(`front matter "${key}" should be ${expected}; ignored`, {
      place: tree.children[0]?.type === 'yaml' ? tree.children[0].position : undefined,
      ruleId: 'front-matter-key',
      source: 'galley',
    });
  const language = resolveLanguage(tree, frontMatter, warn, {
    override: options.metaOverrides?.lang,
    fallback: options.metaDefaults?.lang,
  });
  if (options.smart !== false) applyTypography(tree, language.lang);
  const meta = resolveMeta(tree, file, frontMatter, language, warn, {
    toc: options.metaOverrides?.toc,
  }, { toc: options.metaDefaults?.toc });

  Object.assign(file.data, {
    source: filePath ? toPosix(path.relative(root, filePath)) : '-',
    meta,
    outline: outlineOf(tree),
    footnotes: footnoteOrder(tree, file),
    assets,
    frontMatter,
  });
  return { tree, file };
}

function parseSafely(text: string, file: VFile, frontMatter: boolean): Root {
  try {
    return parseMarkdown(text, { frontMatter });
  } catch (error) {
    if (error instanceof RangeError) {
      file.fail('document is nested too deeply to parse', { ruleId: 'nesting-depth', source: 'galley' });
    }
    throw error;
  }
}

/** Top-level headings: those inside quotes or lists are not sections. */
function outlineOf(tree: Root): OutlineEntry[] {
  const outline: OutlineEntry[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    outline.push({ depth: node.depth, text: toString(node).replace(/\s+/g, ' ').trim(), id: node.data?.id ?? '' });
  }
  return outline;
}
