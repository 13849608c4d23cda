// Options of the PDF emitter (`options.pdf`), with their defaults.
import { withDefaults } from '../defaults.js';
import { defaultTheme, type Theme } from '../../theme/index.js';
import type { Handler } from './state.js';

/** PDF/A parts and conformance levels galley can write (sRGB output intent, XMP identification). */
export const pdfaLevels = ['PDF/A-2b', 'PDF/A-2a', 'PDF/A-3b', 'PDF/A-3a'] as const;
export type PdfaLevel = (typeof pdfaLevels)[number];

export interface PdfOptions {
  /** Body text alignment: justified (the default) or ragged right. */
  align: 'justify' | 'left';
  /** Page numbers in the footer (default true; `footer: false` in front matter turns them off). */
  pageNumbers: boolean;
  /** A running header on every page but the first (default true; `header: false` in front matter turns it off). */
  header: boolean;
  /** Hyphenate justified text with the patterns of the document's language (default true). */
  hyphenate: boolean;
  /** An image alone in its paragraph, with alt text or a title, is a numbered figure with a caption (default true; front matter `figures` decides first). */
  figures: boolean;
  /** A tagged PDF: structure tree, reading order, artifacts (default true). */
  tagged: boolean;
  /** Write a PDF/A file of this part and conformance (default: none). */
  pdfa?: PdfaLevel;
  /** Extra font files tried after each family's own face (a CJK font…), read through the IO gate. */
  fonts: string[];
  /** Folder the `fonts` paths are relative to and must stay inside (default: the working directory). */
  fontDir?: string;
  /** Largest font file read, in bytes (default 64 MiB). */
  maxFontBytes: number;
  /** The theme (default: galley's theme). */
  theme: Theme;
  /** Handlers by mdast node type, merged over galley's. */
  handlers?: Record<string, Handler>;
  /** Handler for node types no handler knows (default: warn and keep the text). */
  unknownHandler?: Handler;
}

export const defaultPdfOptions: PdfOptions = {
  align: 'justify',
  pageNumbers: true,
  header: true,
  hyphenate: true,
  figures: true,
  tagged: true,
  fonts: [],
  maxFontBytes: 64 * 1024 * 1024,
  theme: defaultTheme,
};

/** Defaults with the given options on top; `undefined` values keep the default. */
export function resolvePdfOptions(options: Partial<PdfOptions> | undefined): PdfOptions {
  return withDefaults(defaultPdfOptions, options);
}
