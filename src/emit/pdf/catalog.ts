// The document catalog's entries, written once the pages are painted: the
// structure tree (with the parent tree that maps content and annotations
// back to their elements), the outline, the PDF/A output intent, and the
// destination names in the byte order PDF requires.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { StructNode } from './model.js';
import type { Doc, Ref } from './pdfkit-doc.js';
import type { Kid, Tagging } from './tagging.js';

/** A bookmark: a heading's text, its destination and its level. */
export interface OutlineItem {
  title: string;
  dest: string;
  depth: number;
}

/** A stand-in structure parent for pdfkit's `annotate`: records the annotation under `node`. */
export function annotationParent(doc: Doc, tagging: Tagging<Ref>, node: StructNode): { add(reference: { annotationRef: Ref }): void } {
  return {
    add(reference) {
      const key = doc.createStructParentTreeNextKey();
      reference.annotationRef.data.StructParent = key;
      tagging.annotation(node, doc.page.dictionary, { ref: reference.annotationRef, key });
    },
  };
}

/** The structure tree under the StructTreeRoot, with the parent tree that maps content back to elements. */
export function writeStructure(doc: Doc, tagging: Tagging<Ref>, root: StructNode): void {
  const treeRoot = doc.getStructTreeRoot();
  const parentTree = doc.getStructParentTree();
  const roles = new Set<string>();
  const write = (node: StructNode, parent: Ref): Ref => {
    roles.add(node.role);
    // /Type /StructElem is optional: left out, as are empty keys (a tagged PDF has thousands of elements).
    const data: Record<string, unknown> = { S: node.role, P: parent };
    if (node.alt !== undefined) data.Alt = new String(node.alt);
    if (node.scope) data.A = { O: 'Table', Scope: node.scope };
    const ref = doc.ref(data);
    const kids: unknown[] = [];
    let firstPage: Ref | undefined;
    for (const kid of tagging.kidsOf(node) as Array<Kid<Ref>>) {
      if (kid.kind === 'element') {
        if (tagging.hasContent(kid.node)) kids.push(write(kid.node, ref));
      } else if (kid.kind === 'content') {
        firstPage ??= kid.page;
        kids.push(kid.page === firstPage ? kid.mcid : { Type: 'MCR', Pg: kid.page, MCID: kid.mcid });
        const slots = parentTree.get(kid.page.data.StructParents as number);
        slots[kid.mcid] = ref;
      } else {
        const annotation = kid.annotation as { ref: Ref; key: number };
        kids.push({ Type: 'OBJR', Obj: annotation.ref, Pg: kid.page });
        parentTree.add(annotation.key, ref);
      }
    }
    if (firstPage) data.Pg = firstPage;
    data.K = kids;
    ref.end();
    return ref;
  };
  const documentRef = write(root, treeRoot);
  treeRoot.data.K = [documentRef];
  // Roles PDF 1.7 does not define, as the standard ones they stand for.
  if (roles.has('Title')) treeRoot.data.RoleMap = { Title: 'H1' };
}

/** Bookmarks nested by heading level, each going to its heading's named destination. */
export function writeOutline(doc: Doc, items: readonly OutlineItem[]): void {
  interface Entry {
    item: OutlineItem;
    children: Entry[];
  }
  const top: Entry[] = [];
  const stack: Entry[] = [];
  for (const item of items) {
    const entry: Entry = { item, children: [] };
    while (stack.length > 0 && (stack.at(-1) as Entry).item.depth >= item.depth) stack.pop();
    const parent = stack.at(-1);
    (parent ? parent.children : top).push(entry);
    stack.push(entry);
  }
  const root = doc.ref({ Type: 'Outlines' });
  // Top-level entries open (their children shown), deeper ones closed.
  const link = (entries: Entry[], parent: Ref, open: boolean): number => {
    const refs = entries.map((entry) => doc.ref({ Title: new String(entry.item.title), Parent: parent, Dest: new String(destinationName(entry.item.dest)) }));
    let visible = entries.length;
    entries.forEach((entry, i) => {
      const ref = refs[i] as Ref;
      if (i > 0) ref.data.Prev = refs[i - 1];
      if (i < refs.length - 1) ref.data.Next = refs[i + 1];
      if (entry.children.length > 0) {
        const shown = link(entry.children, ref, false);
        ref.data.Count = open ? shown : -entry.children.length;
        if (open) visible += shown;
      }
      ref.end();
    });
    parent.data.First = refs[0];
    parent.data.Last = refs.at(-1);
    return visible;
  };
  root.data.Count = link(top, root, true);
  root.end();
  doc._root.data.Outlines = root;
  doc._root.data.PageMode = 'UseOutlines';
}

/** The sRGB output intent of PDF/A (the ICC profile pdfkit ships). */
export function writeOutputIntent(doc: Doc): void {
  const require = createRequire(import.meta.url);
  const profile = readFileSync(path.join(path.dirname(require.resolve('pdfkit')), 'data', 'sRGB_IEC61966_2_1.icc'));
  const stream = doc.ref({ Length: profile.length, N: 3 });
  stream.end(profile);
  const intent = doc.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    Info: new String('sRGB IEC61966-2.1'),
    OutputConditionIdentifier: new String('sRGB IEC61966-2.1'),
    DestOutputProfile: stream,
  });
  intent.end();
  doc._root.data.OutputIntents = [intent];
}

/**
 * A destination's name in the PDF: printable ASCII, other characters (and
 * `%`) percent-encoded as in URLs (`compatibilité` → `compatibilit%C3%A9`).
 * Readers disagree on how to order names that are not ASCII in the name
 * tree (by their bytes, as PDF says, or by their decoded text); ASCII names
 * sort the same either way.
 */
export function destinationName(id: string): string {
  return /^[\x21-\x24\x26-\x7e]*$/.test(id) ? id : id.toWellFormed().replace(/[^\x21-\x24\x26-\x7e]+/gu, (part) => encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
}

/** Name tree keys in byte order, as PDF requires (pdfkit sorts them with localeCompare). */
export function sortNamesBytewise(doc: Doc): void {
  const names = doc._root.data.Names as Ref;
  const dests = names.data.Dests as { _compareKeys(a: string, b: string): number };
  dests._compareKeys = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}
