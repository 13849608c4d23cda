// Nodes that draw nothing: link definitions and the front matter block.
import type { Handler } from '../state.js';

export const ignore: Handler = () => undefined;
