// galley's public API: the same functions the command line calls.
export { build, createBuilder, type BuildOptions, type Builder, type BuildLimits, type BuildProgress } from './build/index.js';
export { mergeManifests, type Manifest, type ManifestDocument } from './build/manifest.js';
export type { BuildReport, BuildSummary, DocumentReport, MessageRecord, OutputRecord } from './build/report.js';
export type { Shard } from './build/shard.js';
export { convert, type ConvertOptions, type Converted, type FormatResult } from './convert.js';
export { parse, type MetaChoices, type ParseOptions, type SourceInput } from './parse/index.js';
export { galleyData } from './document.js';
export type { Asset, Author, Document, GalleyData, Layout, Meta, OutlineEntry } from './document.js';
export { createRegistry, defaultEmitters, selectEmitters, UnknownFormatError, type Registry } from './emit/registry.js';
export type { BinaryEmitter, EmitOptions, Emitted, Emitter, TextEmitter } from './emit/types.js';
export { htmlEmitter, toHtml, defaultHtmlOptions, type HtmlOptions } from './emit/html/index.js';
export { docxEmitter, toDocx, defaultDocxOptions, type DocxOptions } from './emit/docx/index.js';
export { pdfEmitter, toPdf, defaultPdfOptions, type PdfOptions } from './emit/pdf/index.js';
export { emitJson, jsonEmitter, toJsonModel, defaultJsonOptions, modelVersion, type JsonOptions } from './emit/json/index.js';
export { defaultTheme, type Theme } from './theme/index.js';
export { defaultLimits, type Limits } from './limits.js';
export { version } from './version.js';
