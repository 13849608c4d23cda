// Links: clickable. `#id` jumps to the heading (or footnote) with that id,
// and `#` or `#top` (when no heading is called that) to the top of the
// document, as in a browser and in the DOCX; other URLs (already filtered
// by the parse stage's URL policy) open as URIs. Any other fragment with no
// destination in the document keeps its text, unlinked, with a warning.
import type { Link, LinkReference, Nodes } from 'mdast';
import { topOfDocument, type LinkTarget } from '../model.js';
import type { Context, Handler, State } from '../state.js';

export function linkTarget(state: State, node: Nodes, url: string): LinkTarget | undefined {
  if (url.startsWith('#')) {
    let id = url.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // Kept as written.
    }
    if (id && state.destinations.has(id)) return { dest: id };
    if (id === '' || id.toLowerCase() === 'top') return { dest: topOfDocument };
    state.warn(node, `link to "${url}" has no target in this document; its text is kept without a link`, 'broken-link');
    return undefined;
  }
  return url ? { url } : undefined;
}

function linked(state: State, node: Link | LinkReference, url: string | undefined, context: Context) {
  const target = url === undefined ? undefined : linkTarget(state, node, url);
  if (!target) return state.inlines(node, context);
  const role = state.theme.roles.link;
  return state.inlines(node, {
    ...context,
    style: { ...context.style, color: role.color, underline: role.underline ?? false, link: target },
  });
}

export const link: Handler = (state, node: Link, _parent, context) => linked(state, node, node.url, context);

export const linkReference: Handler = (state, node: LinkReference, _parent, context) => {
  const definition = state.definitions.get(node.identifier);
  return linked(state, node, definition?.url, context);
};
