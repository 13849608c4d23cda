// Heading ids: GitHub-style slugs, unique within the document, or pandoc's
// `{#custom-id}` written at the end of the heading. Stored as `data.id` so
// every format uses the same id.
import GithubSlugger, { slug } from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { collect } from './walk.js';

const customId = /[ \t]*\{#([A-Za-z][\w.:-]*)\}[ \t]*$/;

/** Ids the footnotes use in every format (`fn-1`, `fnref-1`, `footnote-label`). */
const footnoteIds = /^(?:fn-|fnref-|footnote-label$)/;

/** An id a heading may not have as is: it gets a `section-` prefix. */
function clearOfFootnotes(id: string): string {
  return footnoteIds.test(id) ? `section-${id}` : id;
}

export function assignHeadingIds(tree: Root, file: VFile): void {
  const headings: Heading[] = collect(tree, 'heading');
  const slugger = new GithubSlugger();
  const taken = new Set<string>();
  // Custom ids first, so that a slug never takes an id written by hand.
  for (const heading of headings) {
    const requested = takeCustomId(heading);
    if (!requested) continue;
    const written = clearOfFootnotes(requested);
    let id = written;
    for (let n = 1; taken.has(id); n++) id = `${written}-${n}`;
    if (id !== requested) {
      file.message(`heading id "${requested}" is taken; renamed "${id}"`, {
        place: heading.position,
        ruleId: 'duplicate-id',
        source: 'galley',
      });
    }
    taken.add(id);
    slugger.occurrences[id] = 0;
    heading.data = { ...heading.data, id };
  }
  for (const heading of headings) {
    if (heading.data?.id) continue;
    let id = slugger.slug(clearOfFootnotes(slug(toString(heading)) || 'section'));
    while (taken.has(id)) id = slugger.slug(id);
    taken.add(id);
    heading.data = { ...heading.data, id };
  }
}

/** Removes a trailing `{#id}` from the heading's last text and returns the id. */
function takeCustomId(heading: Heading): string | undefined {
  const last = heading.children.at(-1);
  if (last?.type !== 'text') return undefined;
  const match = customId.exec(last.value);
  if (!match) return undefined;
  last.value = last.value.slice(0, match.index);
  if (last.value === '') heading.children.pop();
  return match[1];
}
