// `\newpage` or `\pagebreak` alone in a paragraph: the next block starts a page.
import type { Handler } from '../state.js';

export const pageBreak: Handler = () => ({ kind: 'pageBreak', role: 'Artifact', spaceBefore: 0, spaceAfter: 0 });
