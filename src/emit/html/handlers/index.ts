// galley's HTML handlers, by mdast node type. They sit over
// mdast-util-to-hast's defaults (which handle every other node), and user
// handlers from `options.html.handlers` sit over them.
import type { HtmlContext } from '../context.js';
import type { Handlers } from '../options.js';
import { createCodeHandler } from './code.js';
import { heading } from './heading.js';
import { createImageHandlers } from './image.js';
import { createMathHandlers } from './math.js';
import { pageBreak } from './page-break.js';
import { createParagraphHandler } from './paragraph.js';

export { createUnknownHandler } from './unknown.js';

export function createHandlers(context: HtmlContext): Handlers {
  return {
    heading,
    code: createCodeHandler(context),
    paragraph: createParagraphHandler(context),
    pageBreak,
    ...createImageHandlers(context),
    ...createMathHandlers(context),
  } as Handlers;
}
