// The resolved model every emitter reads: the mdast tree plus what the parse
// stage resolved into `file.data` (metadata, ids, footnote order, assets).
import type { Root } from 'mdast';
import type { VFile } from 'vfile';

export interface Author {
  name: string;
  email?: string;
  affiliation?: string;
}

/** Page and typesetting keys the PDF and DOCX emitters read. */
export interface Layout {
  /** `a4`, `letter`, `legal`, `a5`… (lower case). */
  papersize?: string;
  /** CSS-like length for all margins ("2cm", "1in", "72pt"), or per side. */
  margin?: string | { top?: string; right?: string; bottom?: string; left?: string };
  /** Body font size, e.g. "11pt". */
  fontsize?: string;
  /** Deepest heading level listed in a table of contents (1–6). */
  tocDepth?: number;
  /** Print the document title in the running header. */
  header?: boolean;
  /** Print page numbers in the footer. */
  footer?: boolean;
  /** Number figures and give them captions. */
  figures?: boolean;
}

export type Direction = 'ltr' | 'rtl';

export interface Meta {
  title: string;
  /** Where the title came from: front matter, a heading, or the file name. */
  titleSource: 'front-matter' | 'heading' | 'file-name';
  subtitle?: string;
  authors: Author[];
  date?: string;
  /** BCP 47 language tag, e.g. `fr`, `en-GB`. */
  lang: string;
  /** Declared (front matter, config or flag), detected from the text, or the default. */
  langSource: 'declared' | 'detected' | 'default';
  dir: Direction;
  description?: string;
  keywords: string[];
  toc: boolean;
  layout: Layout;
}

export interface OutlineEntry {
  depth: number;
  text: string;
  id: string;
}

export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg';

/** An image read through the IO gate: bytes, sniffed type and pixel size. */
export interface Asset {
  /** Path relative to the input root, with `/` separators. */
  path: string;
  type: ImageType;
  mediaType: string;
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** Everything the parse stage resolves, kept on `file.data`. */
export interface GalleyData {
  /** The source path relative to the input root, with `/` separators; `-` for stdin. */
  source: string;
  meta: Meta;
  outline: OutlineEntry[];
  /** Footnote identifiers in the order of their first reference. */
  footnotes: string[];
  /** Images by key (their path relative to the input root), in first-use order. */
  assets: Record<string, Asset>;
  /** Front matter as written (plain objects), for emitters with extra keys. */
  frontMatter: Record<string, unknown>;
}

declare module 'vfile' {
  interface DataMap extends GalleyData {}
}

/** Fields the parse stage adds to mdast nodes. */
declare module 'mdast' {
  interface PageBreak extends Node {
    type: 'pageBreak';
  }
  interface RootContentMap {
    pageBreak: PageBreak;
  }
  interface BlockContentMap {
    pageBreak: PageBreak;
  }
  interface HeadingData {
    /** Unique id: HTML id, DOCX bookmark and PDF destination. */
    id?: string;
  }
  interface ImageData extends ResolvedImageData {}
  interface ImageReferenceData extends ResolvedImageData {}
}

/** What the parse stage records on `image` and `imageReference` nodes. */
export interface ResolvedImageData {
  /** Key into `file.data.assets` when the image was read. */
  asset?: string;
  /** Set when a local image could not be used: emitters show the alt text. */
  unresolved?: boolean;
}

export interface Document {
  tree: Root;
  file: VFile;
}

export function galleyData(file: VFile): GalleyData {
  const data = file.data as Partial<GalleyData>;
  if (data.source === undefined || !data.meta || !data.outline || !data.footnotes || !data.assets || !data.frontMatter) {
    throw new Error(`${file.path}: document was not resolved by the parse stage`);
  }
  return data as GalleyData;
}
