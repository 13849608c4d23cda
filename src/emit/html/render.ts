// mdast → hast → HTML with unified. Standalone pages: remark-rehype with
// galley's handlers, the title block and table of contents, rehype-raw and
// rehype-sanitize over all of that content, then the page shell and the
// stringifier. Fragments: remark-rehype and the stringifier only, raw HTML
// passed through as written.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype, { type Options as ToHastOptions } from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { galleyData, type Document, type GalleyData } from '../../document.js';
import { labelsFor, type Labels } from '../../i18n.js';
import { EXIT, walk } from '../../parse/walk.js';
import { resolveLayout } from '../../theme/layout.js';
import { warn, type HtmlContext } from './context.js';
import { pageCss } from './css.js';
import { createHandlers, createUnknownHandler } from './handlers/index.js';
import type { HtmlOptions } from './options.js';
import { pageShell } from './page/shell.js';
import { tableOfContents, titleHeading } from './page/toc.js';
import { titleBlock } from './page/title-block.js';
import { sanitizeSchema } from './sanitize-schema.js';

export async function renderHtml(document: Document, options: HtmlOptions): Promise<string> {
  const { tree, file } = document;
  const data = galleyData(file);
  const needs = scan(tree);
  // Loaded only for documents that need them (highlight.js alone is ~150 ms).
  const highlighter = needs.code ? await import('../../highlight/index.js') : undefined;
  const math = needs.math ? await import('../../math/index.js') : undefined;
  const mathParser = needs.math ? await import('hast-util-from-html') : undefined;
  // The HTML parser (parse5) only for documents with raw HTML, or handlers that may make some.
  const rehypeRaw = needs.html || options.handlers || options.unknownHandler ? (await import('rehype-raw')).default : undefined;
  const labels = labelsFor(data.meta.lang);
  const context: HtmlContext = {
    file,
    data,
    options,
    labels,
    highlight: highlighter?.highlight,
    texToMathML: math?.texToMathML,
    fromHtml: mathParser?.fromHtml,
    counters: { figures: 0 },
  };
  const toHast: ToHastOptions = {
    allowDangerousHtml: true,
    // Footnote ids are `fn-1`/`fnref-1`, like the heading ids: unprefixed.
    clobberPrefix: '',
    footnoteLabel: labels.footnotes,
    footnoteBackLabel: (reference, rereference) =>
      `${labels.backToContent} ${reference + 1}${rereference > 1 ? `-${rereference}` : ''}`,
    footnoteBackContent: backContent,
    handlers: { ...createHandlers(context), ...options.handlers },
    unknownHandler: options.unknownHandler ?? createUnknownHandler(context),
  };

  if (options.fragment) {
    const processor = unified().use(remarkRehype, toHast).use(rehypeStringify, { allowDangerousHtml: true });
    return withFinalNewline(processor.stringify(processor.runSync(tree, file), file));
  }

  const layout = resolveLayout(data.meta.layout, options.theme);
  const frontMatter = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  for (const problem of layout.problems) warn(file, frontMatter, `"${problem.key}": ${problem.reason}`, 'layout');
  const css = pageCss({ layout, mathCss: math?.temmlCss, extra: options.css });

  const processor = unified()
    .use(remarkRehype, toHast)
    .use(() => (hast: HastRoot) => addTitleAndContents(hast, data, labels))
    .use(rehypeRawIfNeeded, rehypeRaw)
    // Last on the content: everything the document brought has been added.
    .use(rehypeSanitize, sanitizeSchema)
    .use(() => (hast: HastRoot) => pageShell(hast, data.meta, css))
    .use(rehypeStringify);
  return withFinalNewline(processor.stringify(processor.runSync(tree, file), file));
}

/**
 * rehype-raw, skipped when the tree holds no raw HTML (from the document or a
 * custom handler): reparsing a whole page costs more than every other step
 * together, and the sanitizer drops any raw node it would meet anyway.
 */
function rehypeRawIfNeeded(rehypeRaw?: typeof import('rehype-raw').default) {
  if (!rehypeRaw) return undefined;
  const reparse = rehypeRaw();
  return (tree: HastRoot, file: VFile): HastRoot => (hasRaw(tree) ? reparse(tree, file) : tree);
}

function hasRaw(node: HastRoot | ElementContent): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some((child) => hasRaw(child as ElementContent));
}

/** The back-link arrow, with U+FE0E so that no system draws it as an emoji. */
function backContent(_reference: number, rereference: number): ElementContent[] {
  const content: ElementContent[] = [{ type: 'text', value: '↩\uFE0E' }];
  if (rereference > 1) {
    content.push({ type: 'element', tagName: 'sup', properties: {}, children: [{ type: 'text', value: String(rereference) }] });
  }
  return content;
}

/** Which lazily loaded parts the document needs. */
function scan(tree: Root): { code: boolean; math: boolean; html: boolean } {
  const needs = { code: false, math: false, html: false };
  walk(tree, (node) => {
    if (node.type === 'code' && node.lang) needs.code = true;
    else if (node.type === 'math' || node.type === 'inlineMath') needs.math = true;
    else if (node.type === 'html') needs.html = true;
    return needs.code && needs.math && needs.html ? EXIT : undefined;
  });
  return needs;
}

/**
 * The title block first; the table of contents after the title heading when
 * the title is a heading of the body, else after the title block.
 */
function addTitleAndContents(hast: HastRoot, data: GalleyData, labels: Labels): void {
  const { meta, outline } = data;
  const toc = meta.toc ? tableOfContents(meta, outline, labels) : undefined;
  if (toc) {
    const title = titleHeading(meta, outline);
    const index = title
      ? hast.children.findIndex((node) => node.type === 'element' && (node as Element).properties.id === title.id)
      : -1;
    hast.children.splice(index + 1, 0, { type: 'text', value: '\n' }, toc, { type: 'text', value: '\n' });
  }
  const header = titleBlock(meta);
  if (header) hast.children.unshift(header, { type: 'text', value: '\n' });
}

function withFinalNewline(html: string): string {
  return html.endsWith('\n') ? html : `${html}\n`;
}
