// What the PDF handlers share. The Context flows down the tree and is copied
// with changes (the inline style in force, the paragraph role, list depth,
// tight lists); the State piles up across the document (footnote numbers,
// figure numbers, messages) and holds the handlers: handlers recurse only
// through `state.blocks`, `state.inlines` and `state.one`.
import type { Definition, FootnoteDefinition, Nodes, Parents } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { GalleyData } from '../../document.js';
import type { TokenLine } from '../../highlight/lines.js';
import type { Labels } from '../../i18n.js';
import type { RoleName, Theme } from '../../theme/theme.js';
import { inlineHtmlTag } from './handlers/html.js';
import type { Align, Block, Inline, TextStyle } from './model.js';
import type { MathSvg } from './math-svg.js';
import type { PdfOptions } from './options.js';

export type Content = Block | Inline;

export interface Context {
  /** The inline style in force. */
  readonly style: TextStyle;
  /** The theme role of paragraphs here (body text, a quote, a footnote). */
  readonly paragraphRole: RoleName;
  readonly align: Align;
  /** Inside a tight list: paragraphs without space around them. */
  readonly tight: boolean;
  readonly listDepth: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (state: State, node: any, parent: Parents | undefined, context: Context) => Content[] | Content | undefined | void;

export interface State {
  readonly file: VFile;
  readonly data: GalleyData;
  readonly theme: Theme;
  readonly labels: Labels;
  readonly options: PdfOptions;
  /** The shared tokenizer, loaded only when the document has code with a language. */
  readonly highlightLines?: (code: string, lang: string | null | undefined) => TokenLine[];
  /** TeX → SVG (MathJax), loaded only when the document has math; throws on invalid TeX. */
  readonly texToSvg?: (tex: string, display: boolean, color: string) => MathSvg;
  /** Footnote identifier → number, in order of first reference. */
  readonly footnoteNumbers: ReadonlyMap<string, number>;
  /** How many times each footnote has been referenced so far. */
  readonly footnoteCalls: Map<string, number>;
  readonly footnoteDefinitions: ReadonlyMap<string, FootnoteDefinition>;
  /** Link and image definitions by identifier. */
  readonly definitions: ReadonlyMap<string, Definition>;
  /** Ids that will exist as destinations (headings, footnotes). */
  readonly destinations: ReadonlySet<string>;
  readonly counters: { figures: number };
  warn(node: Nodes | undefined, reason: string, ruleId: string): void;
  /** The content one node becomes. */
  one(node: Nodes, parent: Parents | undefined, context: Context): Content[];
  /** A parent's children as blocks (stray inlines are wrapped in paragraphs). */
  blocks(parent: Parents, context: Context): Block[];
  /** A parent's children as inlines (raw `<sub>`…`</sub>` pairs style what they enclose). */
  inlines(parent: Parents, context: Context): Inline[];
  /** A theme role as a text style. */
  style(role: RoleName): TextStyle;
  /** A paragraph of `inlines` in the style of `context`. */
  paragraph(inlines: Inline[], context: Context): Block;
}

export interface StateInit {
  file: VFile;
  data: GalleyData;
  theme: Theme;
  labels: Labels;
  options: PdfOptions;
  handlers: Record<string, Handler>;
  unknownHandler: Handler;
  highlightLines?: State['highlightLines'];
  texToSvg?: State['texToSvg'];
  footnoteDefinitions: ReadonlyMap<string, FootnoteDefinition>;
  definitions: ReadonlyMap<string, Definition>;
  destinations: ReadonlySet<string>;
}

const blockKinds = new Set(['paragraph', 'container', 'image', 'rule', 'table', 'pageBreak']);

export function isBlock(content: Content): content is Block {
  return blockKinds.has(content.kind);
}

export function createState(init: StateInit): State {
  const footnoteNumbers = new Map<string, number>();
  init.data.footnotes.forEach((id, index) => footnoteNumbers.set(id, index + 1));
  const state: State = {
    file: init.file,
    data: init.data,
    theme: init.theme,
    labels: init.labels,
    options: init.options,
    ...(init.highlightLines ? { highlightLines: init.highlightLines } : {}),
    ...(init.texToSvg ? { texToSvg: init.texToSvg } : {}),
    footnoteNumbers,
    footnoteCalls: new Map(),
    footnoteDefinitions: init.footnoteDefinitions,
    definitions: init.definitions,
    destinations: init.destinations,
    counters: { figures: 0 },
    warn(node, reason, ruleId) {
      init.file.message(reason, { place: node?.position, ruleId, source: 'galley:pdf' });
    },
    one(node, parent, context) {
      const handler = Object.hasOwn(init.handlers, node.type) ? init.handlers[node.type] : undefined;
      const result = (handler ?? init.unknownHandler)(state, node, parent, context);
      if (!result) return [];
      return Array.isArray(result) ? result : [result];
    },
    blocks(parent, context) {
      const blocks: Block[] = [];
      let stray: Inline[] = [];
      const flush = () => {
        if (stray.some((inline) => inline.kind !== 'anchor')) blocks.push(state.paragraph(stray, context));
        stray = [];
      };
      for (const child of parent.children as Nodes[]) {
        for (const content of state.one(child, parent, context)) {
          if (isBlock(content)) {
            flush();
            blocks.push(content);
          } else stray.push(content);
        }
      }
      flush();
      return blocks;
    },
    inlines(parent, context) {
      const inlines: Inline[] = [];
      // Raw inline tags with an obvious meaning style the siblings they enclose.
      const stack: Array<{ tag: string; context: Context }> = [];
      let current = context;
      // The content of raw <script>, <style>… is code, not text: skipped up to the closing tag.
      let skipUntil: string | undefined;
      for (const child of parent.children as Nodes[]) {
        if (skipUntil) {
          if (child.type === 'html' && new RegExp(`^</${skipUntil}\\s*>$`, 'i').test(child.value.trim())) skipUntil = undefined;
          continue;
        }
        if (child.type === 'html') {
          const hidden = /^<(script|style|template|textarea|title|noscript|xmp|iframe)\b[^>]*>$/i.exec(child.value.trim());
          if (hidden) {
            state.warn(child, `raw HTML tag <${(hidden[1] as string).toLowerCase()}> and its content are not drawn in PDF`, 'raw-html');
            skipUntil = (hidden[1] as string).toLowerCase();
            continue;
          }
          const tag = inlineHtmlTag(child.value);
          if (tag?.kind === 'open') {
            stack.push({ tag: tag.name, context: current });
            current = { ...current, style: tag.style(current.style, state) };
            continue;
          }
          if (tag?.kind === 'close') {
            const index = stack.map((entry) => entry.tag).lastIndexOf(tag.name);
            if (index >= 0) {
              current = (stack[index] as { context: Context }).context;
              stack.length = index;
            }
            continue;
          }
        }
        for (const content of state.one(child, parent, current)) {
          if (!isBlock(content)) inlines.push(content);
          else state.warn(child, `a ${content.kind} inside a line cannot be drawn in PDF`, 'pdf-unsupported');
        }
      }
      return inlines;
    },
    style(role) {
      const style = init.theme.roles[role];
      return { font: style.font, bold: style.bold, italic: style.italic, size: style.size, color: style.color };
    },
    paragraph(inlines, context) {
      const role = init.theme.roles[context.paragraphRole];
      return {
        kind: 'paragraph',
        role: 'P',
        inlines,
        align: context.align,
        lineHeight: role.lineHeight,
        whiteSpace: 'normal',
        style: context.style,
        spaceBefore: context.tight ? 0 : role.spaceBefore,
        spaceAfter: context.tight ? 0 : role.spaceAfter,
        ...(context.align === 'justify' && init.options.hyphenate ? { hyphenate: true } : {}),
      };
    },
  };
  return state;
}

/** The text of a node, for handlers that fall back to it. */
export function textOf(node: Nodes): string {
  return toString(node);
}
