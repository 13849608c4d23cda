// What the command line resolved to, before it becomes library options.
// Precedence: built-in defaults < config file < front matter < flags.
import type { DocxOptions } from '../emit/docx/options.js';
import type { HtmlOptions } from '../emit/html/index.js';
import type { PdfOptions } from '../emit/pdf/options.js';
import type { JsonOptions } from '../emit/json/index.js';
import type { BuildLimits } from '../build/index.js';
import type { MetaChoices } from '../parse/index.js';

export interface CliSettings {
  inputs: string[];
  out: string;
  /** `convert` only: output file or `-`. */
  output?: string;
  root?: string;
  to?: string[];
  extensions?: string[];
  smart: boolean;
  /** From the config file: front matter beats them. */
  defaults: MetaChoices;
  /** From flags: they beat front matter. */
  overrides: MetaChoices;
  html: Partial<HtmlOptions>;
  docx: Partial<DocxOptions>;
  pdf: Partial<PdfOptions>;
  /** A reference.docx or styles.xml to read (through the IO gate) into `docx.reference`. */
  referenceDoc?: string;
  json: Partial<JsonOptions>;
  limits: Partial<BuildLimits>;
  /** Documents converted at once (default: the number of cores). */
  jobs?: number;
  /** Cache folder, or false for none (default: node_modules/.cache/galley). */
  cache?: string | false;
  force: boolean;
  /** `I/N`. */
  shard?: string;
  watch: boolean;
  /** A progress bar on a terminal, lines elsewhere (default true; never with --quiet). */
  progress: boolean;
  failOnWarnings: boolean;
  reporter: string;
  reportFile?: string;
  quiet: boolean;
}

export function defaultSettings(): CliSettings {
  return {
    inputs: ['input'],
    out: 'output',
    smart: true,
    defaults: {},
    overrides: {},
    html: {},
    docx: {},
    pdf: {},
    json: {},
    limits: {},
    failOnWarnings: false,
    reporter: 'human',
    quiet: false,
    force: false,
    watch: false,
    progress: true,
  };
}
