// Footnote definitions are drawn where the notes go (the foot of the page
// that first calls them: footnotes.ts), not where they are written.
import type { Handler } from '../state.js';

export const footnoteDefinition: Handler = () => undefined;
