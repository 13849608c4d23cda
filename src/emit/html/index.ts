// The HTML emitter: a standalone, sanitized page with the theme's CSS (or a
// bare fragment). The renderer is imported on first use, so that starting
// galley for other formats does not load unified, temml or lowlight.
import type { Document } from '../../document.js';
import type { TextEmitter } from '../types.js';
import { resolveHtmlOptions, type HtmlOptions } from './options.js';

export { defaultHtmlOptions, resolveHtmlOptions } from './options.js';
export type { Handler, Handlers, HtmlOptions } from './options.js';

export const htmlEmitter: TextEmitter = {
  name: 'html',
  extension: 'html',
  kind: 'text',
  description: 'a standalone web page with embedded styles and images, sanitized',
  emit(document, options) {
    return toHtml(document, options.html as Partial<HtmlOptions> | undefined);
  },
};

/** The document as HTML: a whole page, or body content with `fragment: true`. */
export async function toHtml(document: Document, options?: Partial<HtmlOptions>): Promise<string> {
  const { renderHtml } = await import('./render.js');
  return renderHtml(document, resolveHtmlOptions(options));
}
