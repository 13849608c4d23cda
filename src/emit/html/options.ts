// Options of the HTML emitter (`options.html`), with their defaults.
import { withDefaults } from '../defaults.js';
import type { Options as ToHastOptions } from 'remark-rehype';
import { defaultTheme, type Theme } from '../../theme/index.js';

/** mdast node type → handler, as mdast-util-to-hast takes them. */
export type Handlers = NonNullable<ToHastOptions['handlers']>;
export type Handler = NonNullable<ToHastOptions['unknownHandler']>;

export interface HtmlOptions {
  /**
   * Body content only: no `<html>`, `<head>`, styles, title block or table of
   * contents, and raw HTML passed through UNSANITIZED (default false).
   */
  fragment: boolean;
  /** Embed resolved images as `data:` URIs; false keeps their URLs (default true). */
  embedImages: boolean;
  /** The theme the page's CSS is generated from (default: galley's theme). */
  theme: Theme;
  /** Extra CSS appended after the theme's, standalone pages only (default none). */
  css?: string;
  /** Handlers by mdast node type, merged over galley's and mdast-util-to-hast's. */
  handlers?: Handlers;
  /** Handler for node types no handler knows (default: warn and render the text). */
  unknownHandler?: Handler;
}

export const defaultHtmlOptions: HtmlOptions = {
  fragment: false,
  embedImages: true,
  theme: defaultTheme,
};

/** Defaults with the given options on top; `undefined` values keep the default. */
export function resolveHtmlOptions(options: Partial<HtmlOptions> | undefined): HtmlOptions {
  return withDefaults(defaultHtmlOptions, options);
}
