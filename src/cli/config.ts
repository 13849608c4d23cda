// The config file (galley.config.json): validated against a JSON Schema with
// ajv, so a typo gets a clear message naming the key, never a silent default.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pdfaLevels, type PdfOptions } from '../emit/pdf/options.js';
import type { CliSettings } from './settings.js';

export const defaultConfigFile = 'galley.config.json';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ConfigFile {
  inputs?: string[];
  out?: string;
  to?: string[];
  extensions?: string[];
  toc?: boolean;
  lang?: string;
  smart?: boolean;
  failOnWarnings?: boolean;
  reporter?: 'human' | 'json' | 'github';
  html?: Record<string, unknown>;
  json?: { positions?: boolean; pretty?: boolean };
  pdf?: Partial<Pick<PdfOptions, 'align' | 'pageNumbers' | 'header' | 'hyphenate' | 'figures' | 'tagged' | 'pdfa' | 'fonts'>>;
  docx?: { reference?: string; header?: boolean; footer?: boolean; updateFields?: boolean; svgFallback?: boolean; compression?: number };
  limits?: Record<string, number>;
  jobs?: number;
  cache?: string | false;
}

const positiveInteger = { type: 'integer', minimum: 1 };

export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    inputs: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
    out: { type: 'string', minLength: 1 },
    to: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
    extensions: { type: 'array', items: { type: 'string', pattern: '^\\.[^./\\\\]+$' }, minItems: 1 },
    toc: { type: 'boolean' },
    lang: { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' },
    smart: { type: 'boolean' },
    failOnWarnings: { type: 'boolean' },
    reporter: { enum: ['human', 'json', 'github'] },
    html: {
      type: 'object',
      additionalProperties: false,
      properties: { fragment: { type: 'boolean' }, embedImages: { type: 'boolean' }, css: { type: 'string' } },
    },
    json: {
      type: 'object',
      additionalProperties: false,
      properties: { positions: { type: 'boolean' }, pretty: { type: 'boolean' } },
    },
    pdf: {
      type: 'object',
      additionalProperties: false,
      properties: {
        align: { enum: ['justify', 'left'] },
        pageNumbers: { type: 'boolean' },
        header: { type: 'boolean' },
        hyphenate: { type: 'boolean' },
        figures: { type: 'boolean' },
        tagged: { type: 'boolean' },
        pdfa: { enum: [...pdfaLevels] },
        fonts: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
    },
    docx: {
      type: 'object',
      additionalProperties: false,
      properties: {
        reference: { type: 'string', minLength: 1 },
        header: { type: 'boolean' },
        footer: { type: 'boolean' },
        updateFields: { type: 'boolean' },
        svgFallback: { type: 'boolean' },
        compression: { type: 'integer', minimum: 0, maximum: 9 },
      },
    },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxFileBytes: positiveInteger,
        maxFrontMatterBytes: positiveInteger,
        maxNestingDepth: positiveInteger,
        maxTableCells: positiveInteger,
        maxImageBytes: positiveInteger,
        maxImagePixels: positiveInteger,
        maxSeconds: { type: 'number', exclusiveMinimum: 0 },
        maxHeapMegabytes: { type: 'integer', minimum: 16 },
      },
    },
    jobs: positiveInteger,
    cache: { anyOf: [{ type: 'string', minLength: 1 }, { const: false }] },
  },
} as const;

/** Reads the config named by `--config`, else ./galley.config.json if it exists. */
export async function loadConfig(explicit: string | undefined): Promise<{ path?: string; config: ConfigFile }> {
  const file = explicit ?? (existsSync(defaultConfigFile) ? defaultConfigFile : undefined);
  if (!file) return { config: {} };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`${file}: cannot be read`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  await validate(file, value);
  return { path: file, config: value as ConfigFile };
}

async function validate(file: string, value: unknown): Promise<void> {
  // ajv is loaded only when a config file exists: it costs start-up time.
  const ajvModule = await import('ajv');
  // CommonJS interop differs between Node and the bundle; the class is also `exports.Ajv`.
  const Ajv = (ajvModule.default as unknown as { Ajv?: typeof ajvModule.Ajv }).Ajv ?? ajvModule.Ajv;
  const ajv = new Ajv({ allErrors: false, strict: true });
  const check = ajv.compile(configSchema);
  if (check(value)) return;
  const error = check.errors?.[0];
  if (!error) throw new ConfigError(`${file}: invalid configuration`);
  const where = error.instancePath ? `"${error.instancePath.slice(1).replaceAll('/', '.')}"` : 'the configuration';
  const detail =
    error.keyword === 'additionalProperties'
      ? `unknown key "${(error.params as { additionalProperty: string }).additionalProperty}"`
      : error.keyword === 'enum'
        ? `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
        : (error.message ?? 'is invalid');
  throw new ConfigError(`${file}: ${where} ${detail}`.replace('the configuration unknown', 'unknown'));
}

/** Config values become settings; relative paths are relative to the config file. */
export function applyConfig(settings: CliSettings, config: ConfigFile, configPath: string | undefined): void {
  const base = configPath ? path.dirname(configPath) : '.';
  const local = (p: string) => path.join(base, p);
  if (config.inputs) settings.inputs = config.inputs.map(local);
  if (config.out) settings.out = local(config.out);
  if (config.to) settings.to = config.to;
  if (config.extensions) settings.extensions = config.extensions;
  if (config.toc !== undefined) settings.defaults.toc = config.toc;
  if (config.lang) settings.defaults.lang = config.lang;
  if (config.smart !== undefined) settings.smart = config.smart;
  if (config.failOnWarnings !== undefined) settings.failOnWarnings = config.failOnWarnings;
  if (config.reporter) settings.reporter = config.reporter;
  Object.assign(settings.html, config.html);
  Object.assign(settings.json, config.json);
  const { reference, ...docx } = config.docx ?? {};
  Object.assign(settings.docx, docx);
  if (reference) settings.referenceDoc = local(reference);
  // Font files are read through the IO gate, inside the config file's folder.
  Object.assign(settings.pdf, config.pdf, config.pdf?.fonts ? { fontDir: path.resolve(base) } : {});
  Object.assign(settings.limits, config.limits);
  if (config.jobs !== undefined) settings.jobs = config.jobs;
  if (config.cache !== undefined) settings.cache = config.cache === false ? false : local(config.cache);
}
