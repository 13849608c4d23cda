// Flags as data: this one table generates `--help`, the argument parser's
// configuration, and the mapping from each flag to a library option.
import { UsageError } from './errors.js';
import type { CliSettings } from './settings.js';

export type Command = 'build' | 'watch' | 'convert' | 'formats' | 'merge';

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

/** `galley watch` is `galley build --watch`: it takes every flag build takes. */
const building: readonly Command[] = ['build', 'watch'];
const both: readonly Command[] = ['build', 'watch', 'convert'];
const all: readonly Command[] = ['build', 'watch', 'convert', 'formats', 'merge'];

export const flags: readonly Flag[] = [
  {
    name: 'to', short: 't', type: 'string', value: 'FORMATS', commands: both,
    description: 'output formats, comma-separated (build: all formats; convert: from -o, else html)',
    apply: (s, v) => { s.to = String(v).split(','); },
  },
  {
    name: 'out', type: 'string', value: 'DIR', commands: building,
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
    name: 'reporter', type: 'string', value: 'NAME', commands: building,
    description: 'how to print diagnostics: human, json or github (default: human)',
    apply: (s, v) => { s.reporter = String(v); },
  },
  {
    name: 'report', type: 'string', value: 'FILE', commands: building,
    description: 'also write a JSON report (outputs with size and sha256, messages)',
    apply: (s, v) => { s.reportFile = String(v); },
  },
  {
    name: 'jobs', short: 'j', type: 'string', value: 'N', commands: building,
    description: 'documents converted at once, each in a worker thread (default: the number of cores)',
    apply: (s, v) => { s.jobs = wholeNumber('--jobs', v, 1); },
  },
  {
    name: 'force', type: 'boolean', commands: building,
    description: 'convert every document, even those unchanged since the last build',
    apply: (s) => { s.force = true; },
  },
  {
    name: 'cache', type: 'string', value: 'DIR', commands: building,
    description: 'cache folder (default: node_modules/.cache/galley)',
    apply: (s, v) => { s.cache = String(v); },
  },
  {
    name: 'no-cache', type: 'boolean', commands: building,
    description: 'neither read nor write the cache (every document is converted)',
    apply: (s) => { s.cache = false; },
  },
  {
    name: 'shard', type: 'string', value: 'I/N', commands: building,
    description: 'convert only the I-th of N stable shares of the documents (CI matrices)',
    apply: (s, v) => { s.shard = String(v); },
  },
  {
    name: 'time-limit', type: 'string', value: 'SECONDS', commands: building,
    description: 'longest time one document may take (default: 300)',
    apply: (s, v) => { s.limits.maxSeconds = positiveNumber('--time-limit', v); },
  },
  {
    name: 'memory-limit', type: 'string', value: 'MIB', commands: building,
    description: 'heap one document may use, in MiB (default: 4096)',
    apply: (s, v) => { s.limits.maxHeapMegabytes = wholeNumber('--memory-limit', v, 16); },
  },
  {
    name: 'watch', short: 'w', type: 'boolean', commands: ['build'],
    description: 'after the build, rebuild each document when it or a file it uses changes',
    apply: (s) => { s.watch = true; },
  },
  {
    name: 'no-progress', type: 'boolean', commands: building,
    description: 'no progress bar on a terminal (nor progress lines elsewhere)',
    apply: (s) => { s.progress = false; },
  },
  {
    name: 'quiet', short: 'q', type: 'boolean', commands: both,
    description: 'print errors only',
    apply: (s) => { s.quiet = true; },
  },
  { name: 'help', short: 'h', type: 'boolean', commands: all, description: 'show this help' },
  { name: 'version', short: 'v', type: 'boolean', commands: all, description: 'print the version' },
];

function wholeNumber(flag: string, value: string | boolean, minimum: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(String(value)) || number < minimum) throw new UsageError(`${flag} takes a whole number of at least ${minimum}, not "${value}"`);
  return number;
}

function positiveNumber(flag: string, value: string | boolean): number {
  const number = Number(value);
  if (String(value).trim() === '' || !Number.isFinite(number) || number <= 0) throw new UsageError(`${flag} takes a number above 0, not "${value}"`);
  return number;
}
