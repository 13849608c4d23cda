// The PDF emitter's box model. Handlers turn mdast into blocks of inlines;
// the layout breaks them into lines and pages using injected metrics and
// returns pages of drawing operations; only the paint step knows pdfkit.
//
// Every block carries a structure `role` (PDF tag names: P, H1, L, LI,
// Table…); structure.ts turns the roles into a tree of structure nodes
// before layout, and the layout stamps each drawing operation with the node
// it belongs to, so that the paint step can write a tagged PDF. Operations
// without a node are artifacts (rules, backgrounds, running heads). Flags
// such as `keepWithNext` are honoured by the paginator.
import type { FontKey } from '../../theme/theme.js';

/** Standard structure types of tagged PDF, used as roles on boxes. */
export type StructRole =
  | 'Document'
  | 'Title'
  | 'P'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'BlockQuote'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Code'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Figure'
  | 'Caption'
  | 'Formula'
  | 'Note'
  | 'Div'
  | 'TOC'
  | 'TOCI'
  | 'Link'
  | 'Artifact';

/** A structure element of the tagged PDF. */
export interface StructNode {
  role: Exclude<StructRole, 'Artifact'>;
  /** Alternate description (figures, formulas). */
  alt?: string;
  /** Table header cells: the cells they head. */
  scope?: 'Column' | 'Row';
  /** Children in reading order; notes are added by the layout after the block that calls them. */
  children: StructNode[];
  parent?: StructNode;
}

export interface FontSpec {
  font: FontKey;
  bold: boolean;
  italic: boolean;
}

export type LinkTarget = { url: string } | { dest: string };

/** The destination of `#` and `#top`: the top of the first page (no heading id starts with `:`). */
export const topOfDocument = ':top';

export interface TextStyle extends FontSpec {
  /** Font size in points. */
  size: number;
  /** `#rrggbb`. */
  color: string;
  /** Background behind the text (inline code, mark). */
  background?: string;
  underline?: boolean;
  strike?: boolean;
  /** Baseline shift in points, positive upwards (superscript). */
  rise?: number;
  link?: LinkTarget;
}

/** Content of a line: text, a forced break, an inline object, or a destination. */
export type Inline =
  | { kind: 'text'; text: string; style: TextStyle }
  | { kind: 'break' }
  | { kind: 'object'; width: number; height: number; content: ObjectContent; style: TextStyle; role?: 'Figure' | 'Formula'; alt?: string }
  /** A destination; `note`: the footnote this is a call of (its text goes to the foot of the page). */
  | { kind: 'anchor'; id: string; note?: string };

/** What an inline object or a figure draws. */
export type ObjectContent = { kind: 'image'; key: string } | { kind: 'svg'; svg: string };

export type Align = 'left' | 'right' | 'center' | 'justify';

interface BlockBase {
  role: StructRole;
  /** Space above and below, in points (collapsed with the neighbour's, like CSS margins). */
  spaceBefore: number;
  spaceAfter: number;
  /** No page break between this block and the next one (headings). */
  keepWithNext?: boolean;
  /** Named destination at the block's top (heading ids). */
  id?: string;
  /** The structure element the block's content belongs to (set by structure.ts). */
  struct?: StructNode;
}

export interface ParagraphBlock extends BlockBase {
  kind: 'paragraph';
  inlines: Inline[];
  align: Align;
  /** Line height as a multiple of each run's size. */
  lineHeight: number;
  /** `pre` keeps spaces and line ends (code); `normal` collapses white space. */
  whiteSpace: 'normal' | 'pre';
  /** The style of an empty line (the strut). */
  style: TextStyle;
  /** Words may be hyphenated at line ends (justified body text). */
  hyphenate?: boolean;
  /** The page number of a destination, right-aligned after a leader (contents entries). */
  pageRef?: PageRef;
}

export interface PageRef {
  dest: string;
  style: TextStyle;
  /** Leader between the text and the number (dots, drawn on a grid of `step` points), or none. */
  leader?: { text: string; style: TextStyle; step: number };
  /** The number is a link too (the entry's own link). */
  link?: LinkTarget;
}

export interface ContainerBlock extends BlockBase {
  kind: 'container';
  children: Block[];
  /** Left indent of the children, in points. */
  indent: number;
  /** A rule on the left (block quotes). */
  bar?: { color: string; width: number };
  /** A filled background with padding (code blocks). */
  background?: { color: string; padding: number };
  /** Drawn in the indent, on the first line's baseline (list labels). */
  marker?: Inline[];
  /** The structure element of the marker (Lbl). */
  markerStruct?: StructNode;
}

export interface ImageBlock extends BlockBase {
  kind: 'image';
  content: ObjectContent;
  /** Natural size in points. */
  width: number;
  height: number;
  alt: string;
  link?: LinkTarget;
}

export interface RuleBlock extends BlockBase {
  kind: 'rule';
  color: string;
  thickness: number;
}

export interface TableCell {
  inlines: Inline[];
  struct?: StructNode;
}

export interface TableRow {
  cells: TableCell[];
  struct?: StructNode;
}

export interface TableBlock extends BlockBase {
  kind: 'table';
  align: Array<'left' | 'right' | 'center'>;
  header?: TableRow;
  rows: TableRow[];
  /** Styles of header and body cells (their size, font and line height). */
  headerStyle: TextStyle;
  bodyStyle: TextStyle;
  lineHeight: number;
  headerBackground?: string;
  borderColor: string;
  /** Cell padding in points. */
  padding: number;
}

export interface PageBreakBlock extends BlockBase {
  kind: 'pageBreak';
}

export type Block = ParagraphBlock | ContainerBlock | ImageBlock | RuleBlock | TableBlock | PageBreakBlock;

/** Measuring functions the layout needs (real fonts, or fixed-width fakes in tests). */
export interface Metrics {
  /** `text` cut into runs by the face that draws each character (the fallback chain). */
  split(spec: FontSpec, text: string): Array<{ face: string; text: string }>;
  /** Advance width of `text` in `face` at `size` points. */
  width(face: string, text: string, size: number): number;
  /** Ascent and descent (positive) as fractions of the size. */
  vertical(face: string): { ascent: number; descent: number };
}

// ——— What the layout hands to the paint step ———

/** Words of one face, size and colour on one baseline; x in absolute points. */
export interface PaintRun {
  face: string;
  size: number;
  color: string;
  /** Baseline shift from the line's baseline, positive upwards (superscripts). */
  rise?: number;
  words: Array<{ text: string; x: number }>;
  /** The link the words belong to (a Link structure element inside the run's node). */
  link?: LinkTarget;
  /** The structure element of the words; none: an artifact. */
  tag?: StructNode;
}

export type Op =
  | { op: 'text'; y: number; runs: PaintRun[] }
  | { op: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: string }
  /** `role`: an inline figure or formula, a structure element of its own inside `tag`. */
  | { op: 'object'; content: ObjectContent; x: number; y: number; w: number; h: number; alt: string; tag?: StructNode; role?: 'Figure' | 'Formula' }
  | { op: 'link'; x: number; y: number; w: number; h: number; target: LinkTarget; tag?: StructNode }
  | { op: 'dest'; name: string; y: number }
  /** A destination's page number, filled in once pages are known: right-aligned at `right`, after a leader from `left`. */
  | { op: 'pageRef'; dest: string; y: number; left: number; right: number; style: TextStyle; leader?: PageRef['leader']; link?: LinkTarget; tag?: StructNode };

/** Operations placed at a vertical offset (a line, a table row…); ops' y are relative to `y`. */
export interface Placed {
  y: number;
  ops: Op[];
}

export interface Page {
  /** 1-based. */
  number: number;
  items: Placed[];
}
