// Options of the DOCX emitter (`options.docx`), with their defaults.
import { withDefaults } from '../defaults.js';
import { defaultTheme, type Theme } from '../../theme/index.js';
import type { Handler, Handlers } from './state.js';

export interface DocxOptions {
  /** The theme the Word styles are made from (default: galley's theme). */
  theme: Theme;
  /**
   * Your own Word styles, as pandoc's `--reference-doc` takes them: the bytes
   * of a `reference.docx` (its `word/styles.xml` is used) or of a
   * `styles.xml`. Styles it defines replace galley's by style id; galley's
   * styles it lacks are added. The caller reads the file (the CLI and config
   * read it through the IO gate). Default: none.
   */
  reference?: Uint8Array;
  /** The document title in the page header, from page two on (default true; front matter `header` beats it). */
  header: boolean;
  /** Page numbers in the footer (default true; front matter `footer` beats it). */
  footer: boolean;
  /**
   * Ask Word to refresh every field (table of contents page numbers) when the
   * file is opened. Word then asks the reader first (default false: the table
   * of contents is already filled in, without page numbers).
   */
  updateFields: boolean;
  /** Draw SVG images to PNG for readers without SVG support (default true). */
  svgFallback: boolean;
  /** Deflate level of the zip container, 0–9 (default 6). */
  compression: number;
  /** Handlers by mdast node type, merged over galley's. */
  handlers?: Handlers;
  /** Handler for node types no handler knows (default: warn and keep the text). */
  unknownHandler?: Handler;
}

export const defaultDocxOptions: DocxOptions = {
  theme: defaultTheme,
  header: true,
  footer: true,
  updateFields: false,
  svgFallback: true,
  compression: 6,
};

/** Defaults with the given options on top; `undefined` values keep the default. */
export function resolveDocxOptions(options: Partial<DocxOptions> | undefined): DocxOptions {
  const resolved = withDefaults(defaultDocxOptions, options);
  if (!Number.isInteger(resolved.compression) || resolved.compression < 0 || resolved.compression > 9) {
    throw new RangeError(`docx.compression must be a whole number from 0 to 9, not ${String(resolved.compression)}`);
  }
  return resolved;
}
