// A thematic break (---): a thin rule across the text width.
import type { Handler } from '../state.js';

export const thematicBreak: Handler = (state) => ({
  kind: 'rule',
  role: 'Artifact',
  color: state.theme.colors.rule,
  thickness: 0.75,
  spaceBefore: 12,
  spaceAfter: 12,
});
