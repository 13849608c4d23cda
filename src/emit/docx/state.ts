// What the DOCX handlers share while the tree is walked, split the way
// pandoc's writer splits it:
//
// - the Context flows down the tree and is never changed in place: inline
//   marks, the paragraph style of the current block container, indentation
//   and width, list level, whether we are inside a footnote or a table. A
//   handler hands its children a copy with changes (`state.all(node, patch)`).
// - the State piles up across the document and is assembled once at the end:
//   relationships (images, hyperlinks), media files, footnotes, list
//   instances, bookmarks. Every id comes from a counter here, never from a
//   clock or a random number, so that the same input gives the same bytes.
import type { Definition, FootnoteDefinition, Nodes, Parents } from 'mdast';
import type { VFile } from 'vfile';
import type { GalleyData, Meta } from '../../document.js';
import type { Labels } from '../../i18n.js';
import type { TokenLine } from '../../highlight/lines.js';
import { ptToTwip, type PageLayout, type Theme } from '../../theme/index.js';
import type { DocxOptions } from './options.js';

/** Character formatting that flows down to text runs. */
export interface Marks {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly strike?: boolean;
  readonly code?: boolean;
  readonly sub?: boolean;
  readonly sup?: boolean;
  readonly kbd?: boolean;
  readonly mark?: boolean;
  readonly link?: boolean;
}

/** What a list item or footnote puts into its first paragraph only. */
export interface Lead {
  /** The list numbering of the item's first paragraph. */
  readonly numbering?: { readonly numId: number; readonly ilvl: number };
  /** Runs that open the paragraph: a task box, a footnote's own number. */
  readonly runs?: string;
}

export type Alignment = 'left' | 'center' | 'right';

export interface Context {
  /** Children are runs (inside a paragraph, heading or cell), not paragraphs. */
  readonly phrasing: boolean;
  readonly marks: Marks;
  /** Style id of a plain paragraph here: BodyText, ListParagraph, Quote, FootnoteText… */
  readonly paragraphStyle: string;
  /** Left edge of the content, in twips from the text margin. */
  readonly indent: number;
  /** Width available at `indent`, in twips (images are scaled to fit it). */
  readonly width: number;
  /** Numbering level (`w:ilvl`) of a list met here. */
  readonly listLevel: number;
  readonly quoteDepth: number;
  /** Inside a tight list: no space between items. */
  readonly tight: boolean;
  /** Paragraph alignment (table columns). */
  readonly align?: Alignment;
  /** For the first paragraph of a list item or footnote only. */
  readonly lead?: Lead;
  readonly inFootnote: boolean;
  readonly inTable: boolean;
  /** The list whose items are being rendered (set by the list for its items). */
  readonly list?: { readonly numId: number; readonly ilvl: number; readonly ordered: boolean };
  /** The table whose rows are being rendered, and the column of the current cell. */
  readonly table?: TableLayout;
  readonly column?: number;
  /** The row being rendered is the header row. */
  readonly headerRow?: boolean;
}

/** Column widths (twips) and alignments of a table, computed once by the table handler. */
export interface TableLayout {
  readonly widths: readonly number[];
  readonly align: ReadonlyArray<Alignment | undefined>;
}

/**
 * A handler turns one mdast node into WordprocessingML: paragraphs and
 * tables where the context is block content, runs where it is phrasing.
 * It recurses only through `state.all` / `state.one`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler<N = any> = (state: DocxState, node: N, parent: Parents | undefined) => string;
export type Handlers = Record<string, Handler>;

/** A relationship of `word/document.xml` added while walking (images, hyperlinks). */
export interface Relationship {
  id: string;
  type: 'image' | 'hyperlink';
  target: string;
  external: boolean;
}

export interface MediaFile {
  /** Path inside the package, e.g. `word/media/image1.png`. */
  path: string;
  bytes: Uint8Array;
}

/** An ordered list's own `w:num`, so that every list restarts at its start number. */
export interface OrderedListInstance {
  numId: number;
  ilvl: number;
  start: number;
}

/** An embedded image: its relationship and, for SVG, the PNG fallback's. */
export interface EmbeddedImage {
  rId: string;
  svgRId?: string;
}

/** The lazily loaded helpers a document needs (loaded only when it does). */
export interface Loaded {
  /** Syntax tokens by line (highlight.js), for code with a language. */
  highlightLines?: (code: string, lang: string | null | undefined) => TokenLine[];
  /** TeX → OMML (`<m:oMath>`); throws a TexError or an OmmlError. */
  texToOmml?: (tex: string, display: boolean) => string;
  /** SVG → PNG; undefined when the SVG cannot be drawn. */
  svgToPng?: (svg: Uint8Array, width: number, height: number) => Uint8Array | undefined;
}

export interface DocxStateInit {
  file: VFile;
  data: GalleyData;
  options: DocxOptions;
  layout: PageLayout;
  labels: Labels;
  handlers: Handlers;
  unknownHandler: Handler;
  loaded: Loaded;
  context: Context;
  definitions: Map<string, Definition>;
  footnoteDefinitions: Map<string, FootnoteDefinition>;
  footnoteReferenceCounts: Map<string, number>;
}

/** Relationship ids 1–9 are the fixed parts (styles, numbering…); the rest are counted from here. */
const firstDynamicRelationship = 10;
/** numIds 1 and 2 are the shared bullet and task lists; ordered lists are counted from 3. */
export const bulletNumId = 1;
export const taskNumId = 2;

export class DocxState {
  context: Context;
  readonly file: VFile;
  readonly data: GalleyData;
  readonly meta: Meta;
  readonly options: DocxOptions;
  readonly layout: PageLayout;
  readonly theme: Theme;
  /** Width between the page margins, in twips. */
  readonly textWidth: number;
  readonly labels: Labels;
  readonly handlers: Handlers;
  readonly unknownHandler: Handler;
  readonly loaded: Loaded;
  readonly definitions: Map<string, Definition>;
  readonly footnoteDefinitions: Map<string, FootnoteDefinition>;
  readonly footnoteReferenceCounts: Map<string, number>;

  // Collected state.
  readonly relationships: Relationship[] = [];
  readonly media: MediaFile[] = [];
  /** Footnote bodies (`<w:p>`…), by number − 1. */
  readonly footnotes: string[] = [];
  readonly orderedLists: OrderedListInstance[] = [];
  /** Heading id → bookmark name (Word's rules for names are stricter than HTML ids). */
  readonly bookmarks = new Map<string, string>();
  /** Footnote identifier → its number, in order of first reference. */
  readonly footnoteNumbers = new Map<string, number>();
  /** Footnote number → the bookmark on its first reference (for NOTEREF fields). */
  readonly footnoteBookmarks = new Map<number, string>();
  readonly images = new Map<string, EmbeddedImage>();
  /** Counted figures (`figures: true`). */
  figures = 0;

  private readonly hyperlinks = new Map<string, string>();
  private nextRelationship = firstDynamicRelationship;
  private nextBookmark = 0;
  private nextDrawing = 1;
  private nextNumId = taskNumId + 1;
  private nextMedia = 1;

  constructor(init: DocxStateInit) {
    this.file = init.file;
    this.data = init.data;
    this.meta = init.data.meta;
    this.options = init.options;
    this.layout = init.layout;
    this.theme = init.layout.theme;
    this.textWidth = ptToTwip(init.layout.size.width - init.layout.margins.left - init.layout.margins.right);
    this.labels = init.labels;
    this.handlers = init.handlers;
    this.unknownHandler = init.unknownHandler;
    this.loaded = init.loaded;
    this.context = init.context;
    this.definitions = init.definitions;
    this.footnoteDefinitions = init.footnoteDefinitions;
    this.footnoteReferenceCounts = init.footnoteReferenceCounts;
  }

  /** One node, with the context changed by `patch` for it and its descendants. */
  one(node: Nodes, parent: Parents | undefined, patch?: Partial<Context>): string {
    if (!patch) return this.dispatch(node, parent);
    return this.within({ ...this.context, ...patch }, () => this.dispatch(node, parent));
  }

  /**
   * Every child of `parent`, with the context changed by `patch`, and for
   * single children by `childPatch` (a list item's first paragraph).
   */
  all(parent: Parents, patch?: Partial<Context>, childPatch?: (child: Nodes, index: number) => Partial<Context> | undefined): string {
    return this.within(patch ? { ...this.context, ...patch } : this.context, () => {
      const children = parent.children as Nodes[];
      const blocks = !this.context.phrasing;
      let out = '';
      let previousCode = false;
      for (let index = 0; index < children.length; index++) {
        const child = children[index] as Nodes;
        const own = childPatch?.(child, index);
        const xml = own ? this.one(child, parent, own) : this.dispatch(child, parent);
        if (!xml) continue;
        // Word draws two code blocks that touch in one box: a paragraph keeps
        // them apart. (Tables end with a paragraph of their own.)
        if (blocks && previousCode && child.type === 'code') out += separatorParagraph;
        out += xml;
        previousCode = child.type === 'code';
      }
      return out;
    });
  }

  /**
   * Runs `render` with `context`, then restores the context it had (and any
   * change a sibling made through `setContext`, such as inline HTML marks).
   */
  within<T>(context: Context, render: () => T): T {
    const saved = this.context;
    this.context = context;
    try {
      return render();
    } finally {
      this.context = saved;
    }
  }

  /** Changes the context for the following siblings (inline `<sub>` … `</sub>`); `all` restores it. */
  setContext(patch: Partial<Context>): void {
    this.context = { ...this.context, ...patch };
  }

  /** A positioned warning on the document, from `galley:docx`. */
  warn(node: Nodes | undefined, reason: string, ruleId: string): void {
    this.file.message(reason, { place: node?.position, ruleId, source: 'galley:docx' });
  }

  /** The relationship id for an external hyperlink (one per distinct URL). */
  hyperlink(url: string): string {
    let id = this.hyperlinks.get(url);
    if (!id) {
      id = this.relationship('hyperlink', url, true);
      this.hyperlinks.set(url, id);
    }
    return id;
  }

  /** A new relationship id of `word/document.xml`. */
  relationship(type: Relationship['type'], target: string, external: boolean): string {
    const id = `rId${this.nextRelationship++}`;
    this.relationships.push({ id, type, target, external });
    return id;
  }

  /** Adds a media file; returns its path relative to `word/`. */
  addMedia(extension: string, bytes: Uint8Array): string {
    const name = `media/image${this.nextMedia++}.${extension}`;
    this.media.push({ path: `word/${name}`, bytes });
    return name;
  }

  bookmarkId(): number {
    return this.nextBookmark++;
  }

  drawingId(): number {
    return this.nextDrawing++;
  }

  /** A `w:num` of its own for an ordered list, restarting at `start`. */
  orderedList(ilvl: number, start: number): number {
    const numId = this.nextNumId++;
    this.orderedLists.push({ numId, ilvl, start });
    return numId;
  }

  private dispatch(node: Nodes, parent: Parents | undefined): string {
    const handler = Object.hasOwn(this.handlers, node.type) ? this.handlers[node.type] : undefined;
    return (handler ?? this.unknownHandler)(this, node, parent);
  }
}

/** A paragraph of minimal height, between two code blocks. */
export const separatorParagraph = '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>';
