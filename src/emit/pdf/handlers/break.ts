// A hard line break (two trailing spaces or a backslash).
import type { Handler } from '../state.js';

export const hardBreak: Handler = () => ({ kind: 'break' });
