// TeX → MathML with temml, for every format that shows math (HTML embeds the
// MathML; DOCX can convert it to OMML). Importing this module loads temml, so
// emitters import it lazily, only for documents that contain math.
import temml from 'temml';
import { TexError } from './errors.js';

export { TexError } from './errors.js';

/**
 * MathML for `tex` (a `<math>` element with the TeX kept as an annotation).
 * Throws a TexError for invalid TeX. `\href`, `\url` and
 * `\includegraphics` stay refused (temml's `trust` is off), and macro
 * expansion is capped, since the TeX comes from untrusted documents.
 */
export function texToMathML(tex: string, displayMode: boolean): string {
  try {
    return temml.renderToString(tex, {
      displayMode,
      throwOnError: true,
      annotate: true,
      trust: false,
      maxExpand: 1000,
    });
  } catch (error) {
    throw new TexError(tex, `TeX error: ${reasonOf(error)}`);
  }
}

// temml's messages repeat the expression with combining underlines on a
// second line; the first line says what is wrong and where.
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.trim().split('\n')[0] ?? message;
  return first.replace(/^ParseError:\s*/, '').replace(/:\s*$/, '').trim() || 'invalid TeX';
}

export { temmlCss } from './css.js';
