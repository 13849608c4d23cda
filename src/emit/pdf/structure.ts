// The tagged PDF's structure tree, built from the blocks' roles before
// layout: each block gets the structure element its content belongs to
// (`block.struct`), in reading order under a Document element. Lists get
// LI with Lbl (the marker) and LBody, tables TR with TH and TD, a figure
// takes in its caption, and the lines of code blocks and contents entries,
// and the one paragraph of a list item or a note, belong to the Code, TOCI,
// LBody or Note element itself. Links and inline figures get
// their elements from the paint step, inside the element of their line.
import type { Block, ContainerBlock, StructNode } from './model.js';

/** Containers whose paragraphs are not elements of their own. */
const leafContainers = new Set(['Code', 'TOCI']);

export function structNode(role: StructNode['role'], parent?: StructNode, extra: Partial<StructNode> = {}): StructNode {
  const node: StructNode = { role, children: [], ...extra };
  if (parent) {
    node.parent = parent;
    parent.children.push(node);
  }
  return node;
}

/** Gives every block of `blocks` its element under `parent` (a Document element when none is given). */
export function structure(blocks: readonly Block[], parent: StructNode = structNode('Document')): StructNode {
  let figure: StructNode | undefined;
  for (const block of blocks) {
    const caption = block.kind === 'paragraph' && block.role === 'Caption' && figure;
    figure = undefined;
    if (caption) {
      block.struct = structNode('Caption', caption);
      continue;
    }
    switch (block.kind) {
      case 'paragraph':
        block.struct = structNode(block.role === 'Artifact' ? 'P' : block.role, parent);
        break;
      case 'image': {
        const role = block.role === 'Formula' ? 'Formula' : 'Figure';
        block.struct = structNode(role, parent, block.alt ? { alt: block.alt } : { alt: '' });
        if (role === 'Figure') figure = block.struct;
        break;
      }
      case 'container':
        container(block, parent);
        break;
      case 'table': {
        const table = structNode('Table', parent);
        block.struct = table;
        if (block.header) {
          block.header.struct = structNode('TR', table);
          for (const cell of block.header.cells) cell.struct = structNode('TH', block.header.struct, { scope: 'Column' });
        }
        for (const row of block.rows) {
          row.struct = structNode('TR', table);
          for (const cell of row.cells) cell.struct = structNode('TD', row.struct);
        }
        break;
      }
      case 'rule':
      case 'pageBreak':
        break;
    }
  }
  return parent;
}

function container(block: ContainerBlock, parent: StructNode): void {
  if (block.role === 'Artifact') {
    structure(block.children, parent);
    return;
  }
  const node = structNode(block.role, parent);
  block.struct = node;
  if (leafContainers.has(block.role)) {
    tagLeaves(block.children, node);
    return;
  }
  if (block.role === 'LI') {
    if (block.marker) block.markerStruct = structNode('Lbl', node);
    const body = structNode('LBody', node);
    // An item of one paragraph: its text is the body's own (one element fewer per item).
    if (single(block.children)) tagLeaves(block.children, body);
    else structure(block.children, body);
    return;
  }
  if (block.role === 'Note' && single(block.children)) {
    tagLeaves(block.children, node);
    return;
  }
  structure(block.children, node);
}

function single(blocks: readonly Block[]): boolean {
  return blocks.length === 1 && blocks[0]?.kind === 'paragraph' && blocks[0].role === 'P';
}

/** The content of `blocks` belongs to `node` itself. */
function tagLeaves(blocks: readonly Block[], node: StructNode): void {
  for (const block of blocks) {
    block.struct = node;
    if (block.kind === 'container') tagLeaves(block.children, node);
  }
}
