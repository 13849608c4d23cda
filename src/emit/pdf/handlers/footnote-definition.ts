// Footnote definitions are drawn where the notes go (the end of the
// document in this version), not where they are written.
import type { Handler } from '../state.js';

export const footnoteDefinition: Handler = () => undefined;
