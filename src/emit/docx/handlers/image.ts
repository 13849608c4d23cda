// Images: inline pictures (see ../images.ts).
import type { Image } from 'mdast';
import { imageRun } from '../images.js';
import type { DocxState } from '../state.js';

export function image(state: DocxState, node: Image): string {
  return imageRun(state, node, node.url, node.title);
}
