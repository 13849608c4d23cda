// Options of the PDF emitter (`options.pdf`), with their defaults.
import { withDefaults } from '../defaults.js';
import { defaultTheme, type Theme } from '../../theme/index.js';
import type { Handler } from './state.js';

export interface PdfOptions {
  /** Body text alignment: justified (the default) or ragged right. */
  align: 'justify' | 'left';
  /** Page numbers in the footer (default true; `footer: false` in front matter turns them off). */
  pageNumbers: boolean;
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
  fonts: [],
  maxFontBytes: 64 * 1024 * 1024,
  theme: defaultTheme,
};

/** Defaults with the given options on top; `undefined` values keep the default. */
export function resolvePdfOptions(options: Partial<PdfOptions> | undefined): PdfOptions {
  return withDefaults(defaultPdfOptions, options);
}
