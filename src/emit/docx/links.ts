// Hyperlinks. An external link (one the URL policy allowed) becomes a
// relationship of the document and a `w:hyperlink` to it; a `#fragment`
// link goes to the bookmark of the heading with that id (`#` alone: the top
// of the document). Fragments that name no heading keep their text, with a
// warning.
import type { Nodes, PhrasingContent } from 'mdast';
import { isAllowedUrl } from '../../parse/url-policy.js';
import type { DocxState } from './state.js';
import { attr } from './xml.js';

/** Word's name for the start of the document. */
const topOfDocument = '_top';

export function hyperlink(
  state: DocxState,
  node: Nodes,
  parent: { children: PhrasingContent[] },
  url: string,
  title: string | null | undefined,
): string {
  // Rendered once, on the path taken: rendering has effects (footnote numbers).
  const content = () => state.all(parent as never, { marks: { ...state.context.marks, link: true } });
  const tooltip = title ? ` w:tooltip="${attr(title)}"` : '';
  const trimmed = url.trim();
  if (trimmed === '') return state.all(parent as never);
  if (trimmed.startsWith('#')) {
    const anchor = bookmarkFor(state, trimmed.slice(1));
    if (anchor === undefined) {
      state.warn(node, `link to "${trimmed}" has no heading with that id in the document; its text is kept`, 'link-target');
      return state.all(parent as never);
    }
    return `<w:hyperlink w:anchor="${attr(anchor)}"${tooltip} w:history="1">${content()}</w:hyperlink>`;
  }
  if (!isAllowedUrl(trimmed)) {
    state.warn(node, `link with a disallowed URL removed; its text is kept`, 'unsafe-url');
    return state.all(parent as never);
  }
  return `<w:hyperlink r:id="${state.hyperlink(uriTarget(trimmed))}"${tooltip} w:history="1">${content()}</w:hyperlink>`;
}

/**
 * The URL as a relationship target must be a valid URI (Word calls the file
 * damaged otherwise): spaces, non-ASCII and other characters URIs do not
 * allow are percent-encoded; existing escapes are kept.
 */
export function uriTarget(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^\x21-\x7E]|["<>\\^`{|}]/gu, (character) => {
    try {
      return encodeURIComponent(character);
    } catch {
      return ''; // a lone surrogate
    }
  });
}

function bookmarkFor(state: DocxState, fragment: string): string | undefined {
  if (fragment === '' || fragment.toLowerCase() === 'top') return topOfDocument;
  const direct = state.bookmarks.get(fragment);
  if (direct) return direct;
  try {
    return state.bookmarks.get(decodeURIComponent(fragment));
  } catch {
    return undefined;
  }
}
