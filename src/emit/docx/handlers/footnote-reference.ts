// Footnote calls become real Word footnotes, numbered by Word in the order
// of their first call (the parse stage's order). The note's body is rendered
// at its first call, into the footnotes part. A note called again is not
// duplicated: the later calls are NOTEREF fields to a bookmark on the first
// call, showing the same number, as Word's cross-references do.
import type { FootnoteReference } from 'mdast';
import { textRun } from '../properties.js';
import type { Context, DocxState } from '../state.js';

const referenceRun = '<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>';

export function footnoteReference(state: DocxState, node: FootnoteReference): string {
  const id = node.identifier;
  const known = state.footnoteNumbers.get(id);
  if (known !== undefined) return noteReference(state, known);

  const definition = state.footnoteDefinitions.get(id);
  if (!definition) {
    state.warn(node, `footnote "${node.label ?? id}" has no definition; its label is kept`, 'footnote-definition');
    return textRun(`[^${node.label ?? id}]`, '');
  }
  if (state.context.inFootnote) {
    // Word has no notes inside notes.
    state.warn(node, `footnote "${node.label ?? id}" is called only from inside another footnote; Word cannot nest notes, so its label is kept`, 'nested-footnote');
    return textRun(`[^${node.label ?? id}]`, '');
  }

  const number = state.footnotes.length + 1;
  state.footnoteNumbers.set(id, number);
  state.footnotes.push('');
  const noteContext: Context = {
    phrasing: false,
    marks: {},
    paragraphStyle: 'FootnoteText',
    indent: 0,
    width: state.textWidth,
    listLevel: 0,
    quoteDepth: 0,
    tight: false,
    inFootnote: true,
    inTable: false,
  };
  state.footnotes[number - 1] = state.within(noteContext, () => state.one(definition, undefined));

  let run = `<w:r>${referenceRun}<w:footnoteReference w:id="${number}"/></w:r>`;
  if ((state.footnoteReferenceCounts.get(id) ?? 0) > 1) {
    const name = `_RefNote${number}`;
    const bookmark = state.bookmarkId();
    state.footnoteBookmarks.set(number, name);
    run = `<w:bookmarkStart w:id="${bookmark}" w:name="${name}"/>${run}<w:bookmarkEnd w:id="${bookmark}"/>`;
  }
  return run;
}

/** A later call of note `number`: its number again, as a NOTEREF field (or plain, without a bookmark). */
function noteReference(state: DocxState, number: number): string {
  const result = `<w:r>${referenceRun}<w:t>${number}</w:t></w:r>`;
  const name = state.footnoteBookmarks.get(number);
  if (!name) return result;
  return (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
    `<w:r><w:instrText xml:space="preserve"> NOTEREF ${name} \\f \\h </w:instrText></w:r>` +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
    result +
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
  );
}
