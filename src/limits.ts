// Resource limits for untrusted input. Each one has a named rule so a
// report says which limit a document hit.

export interface Limits {
  /** Largest Markdown file read, in bytes. */
  maxFileBytes: number;
  /** Largest front matter block, in bytes. */
  maxFrontMatterBytes: number;
  /** Deepest nesting of block quotes, lists and inline marks. */
  maxNestingDepth: number;
  /** Most cells in one table. */
  maxTableCells: number;
  /** Largest image read, in bytes. */
  maxImageBytes: number;
  /** Most pixels (width × height) in one image. */
  maxImagePixels: number;
}

export const defaultLimits: Limits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxFrontMatterBytes: 64 * 1024,
  maxNestingDepth: 64,
  maxTableCells: 100_000,
  maxImageBytes: 32 * 1024 * 1024,
  maxImagePixels: 100_000_000,
};
