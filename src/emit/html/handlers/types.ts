// Handler types as mdast-util-to-hast defines them (through remark-rehype).
import type { Handler } from '../options.js';

export type State = Parameters<Handler>[0];
