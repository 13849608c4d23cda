// What galley's HTML handlers need besides mdast-util-to-hast's state: the
// resolved document data, the options, labels in the document's language,
// and the lazily loaded highlighter and math renderer. `counters` is the only
// part that changes while the tree is walked.
import type { Root } from 'hast';
import type { Nodes } from 'mdast';
import type { VFile } from 'vfile';
import type { GalleyData } from '../../document.js';
import type { Labels } from '../../i18n.js';
import type { HtmlOptions } from './options.js';
import type { fromHtml } from 'hast-util-from-html';

export interface HtmlContext {
  readonly file: VFile;
  readonly data: GalleyData;
  readonly options: HtmlOptions;
  readonly labels: Labels;
  /** Loaded only when the document has code with a language. */
  readonly highlight?: (code: string, lang: string | null | undefined) => Root | undefined;
  /** Loaded only when the document has math; throws a TexError on bad TeX. */
  readonly texToMathML?: (tex: string, displayMode: boolean) => string;
  /** Loaded with the math renderer: its MathML markup as hast. */
  readonly fromHtml?: typeof fromHtml;
  readonly counters: { figures: number };
}

/** Every message the HTML emitter reports: positioned, with its source. */
export function warn(file: VFile, node: Nodes | undefined, reason: string, ruleId: string): void {
  file.message(reason, { place: node?.position, ruleId, source: 'galley:html' });
}
