// Flags as data: this one table generates `--help`, the argument parser's
// configuration, and the mapping from each flag to a library option.
import type { CliSettings } from './settings.js';

export type Command = 'build' | 'convert' | 'formats';

export interface Flag {
  name: string;
  short?: string;
  type: 'boolean' | 'string';
  /** Placeholder shown in `--help` for string flags. */
  value?: string;
  description: string;
  commands: readonly Command[];
  /** Sets the library option this flag stands for. */
  apply?: (settings: CliSettings, value: string | boolean) => void;
}

const both: readonly Command[] = ['build', 'convert'];

export const flags: readonly Flag[] = [
  {
    name: 'to', short: 't', type: 'string', value: 'FORMATS', commands: both,
    description: 'output formats, comma-separated (build: all formats; convert: from -o, else html)',
    apply: (s, v) => { s.to = String(v).split(','); },
  },
  {
    name: 'out', type: 'string', value: 'DIR', commands: ['build'],
    description: 'output folder (default: output)',
    apply: (s, v) => { s.out = String(v); },
  },
  {
    name: 'output', short: 'o', type: 'string', value: 'FILE', commands: ['convert'],
    description: 'output file, or - for standard output (default: standard output)',
    apply: (s, v) => { s.output = String(v); },
  },
  {
    name: 'root', type: 'string', value: 'DIR', commands: ['convert'],
    description: 'folder images must stay inside (default: the document\'s folder, or . for stdin)',
    apply: (s, v) => { s.root = String(v); },
  },
  {
    name: 'config', short: 'c', type: 'string', value: 'FILE', commands: both,
    description: 'configuration file (default: galley.config.json if present)',
  },
  {
    name: 'toc', type: 'boolean', commands: both,
    description: 'add a table of contents (beats front matter)',
    apply: (s) => { s.overrides.toc = true; },
  },
  {
    name: 'no-toc', type: 'boolean', commands: both,
    description: 'no table of contents (beats front matter)',
    apply: (s) => { s.overrides.toc = false; },
  },
  {
    name: 'lang', type: 'string', value: 'TAG', commands: both,
    description: 'document language, e.g. fr or en-GB (beats front matter)',
    apply: (s, v) => { s.overrides.lang = String(v); },
  },
  {
    name: 'no-smart', type: 'boolean', commands: both,
    description: 'keep straight quotes, -- and ... as typed (no smart typography)',
    apply: (s) => { s.smart = false; },
  },
  {
    name: 'fragment', type: 'boolean', commands: both,
    description: 'HTML body only, without page, styles or sanitizer (for trusted input)',
    apply: (s) => { s.html.fragment = true; },
  },
  {
    name: 'reference-doc', type: 'string', value: 'FILE', commands: both,
    description: 'Word styles from a reference.docx or styles.xml, as pandoc takes them',
    apply: (s, v) => { s.referenceDoc = String(v); },
  },
  {
    name: 'fail-on-warnings', type: 'boolean', commands: both,
    description: 'exit with code 1 when there are warnings',
    apply: (s) => { s.failOnWarnings = true; },
  },
  {
    name: 'reporter', type: 'string', value: 'NAME', commands: ['build'],
    description: 'how to print diagnostics: human, json or github (default: human)',
    apply: (s, v) => { s.reporter = String(v); },
  },
  {
    name: 'report', type: 'string', value: 'FILE', commands: ['build'],
    description: 'also write a JSON report (outputs with size and sha256, messages)',
    apply: (s, v) => { s.reportFile = String(v); },
  },
  {
    name: 'quiet', short: 'q', type: 'boolean', commands: both,
    description: 'print errors only',
    apply: (s) => { s.quiet = true; },
  },
  { name: 'help', short: 'h', type: 'boolean', commands: ['build', 'convert', 'formats'], description: 'show this help' },
  { name: 'version', short: 'v', type: 'boolean', commands: ['build', 'convert', 'formats'], description: 'print the version' },
];
