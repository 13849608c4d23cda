// Document → DOCX bytes. One pass over the tree finds what the document
// needs (code with a language, math, SVG pictures, definitions, footnote
// calls), the helpers for those are loaded, the handlers walk the tree into
// the body, and the parts are assembled and zipped once at the end.
//
// The WordprocessingML is written directly as text rather than through the
// `docx` package: building its object model costs about 3 s and 450 MB for a
// 1 MB document (measured), more than the whole budget, and its ids come
// from random numbers and the clock.
import type { Definition, FootnoteDefinition, Nodes, Root, RootContent } from 'mdast';
import { galleyData, type Document } from '../../document.js';
import { labelsFor } from '../../i18n.js';
import { resolveLayout, ptToTwip } from '../../theme/index.js';
import { bookmarkNames } from './bookmarks.js';
import { defaultHandlers, unknownHandler } from './handlers/index.js';
import { wordLanguage } from './language.js';
import type { DocxOptions } from './options.js';
import { contentTypesXml, partTypes, type PartEntry } from './package/content-types.js';
import { fontTableXml } from './package/font-table.js';
import { footnotesXml } from './package/footnotes.js';
import { emptyHeaderXml, footerXml, headerXml } from './package/header-footer.js';
import { appXml, coreXml } from './package/properties.js';
import { relationshipsXml, relationshipTypes, type RelationshipEntry } from './package/relationships.js';
import { settingsXml } from './package/settings.js';
import { zip, type ZipEntry } from './package/zip.js';
import { DocxState, type Context, type Loaded } from './state.js';
import { numberingXml, stylesXml, type StyleSheetOptions } from './styles.js';
import { tableOfContents, titleHeading } from './toc.js';
import { titleBlock } from './title-block.js';
import { declaration, namespaces } from './xml.js';

interface Needs {
  code: boolean;
  math: boolean;
  svg: boolean;
  definitions: Map<string, Definition>;
  footnoteDefinitions: Map<string, FootnoteDefinition>;
  footnoteReferenceCounts: Map<string, number>;
}

/** One walk over the tree: what to load, and what references point to. */
function scan(tree: Root, assets: Document['file']['data']['assets']): Needs {
  const needs: Needs = {
    code: false,
    math: false,
    svg: false,
    definitions: new Map(),
    footnoteDefinitions: new Map(),
    footnoteReferenceCounts: new Map(),
  };
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    switch (node.type) {
      case 'code':
        if (node.lang) needs.code = true;
        break;
      case 'math':
      case 'inlineMath':
        needs.math = true;
        break;
      case 'image':
      case 'imageReference': {
        const key = node.data?.asset;
        if (key && assets && Object.hasOwn(assets, key) && assets[key]?.type === 'svg') needs.svg = true;
        break;
      }
      case 'definition':
        if (!needs.definitions.has(node.identifier)) needs.definitions.set(node.identifier, node);
        break;
      case 'footnoteDefinition':
        if (!needs.footnoteDefinitions.has(node.identifier)) needs.footnoteDefinitions.set(node.identifier, node);
        break;
      case 'footnoteReference':
        needs.footnoteReferenceCounts.set(node.identifier, (needs.footnoteReferenceCounts.get(node.identifier) ?? 0) + 1);
        break;
      default:
        break;
    }
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Nodes);
    }
  }
  return needs;
}

async function load(needs: Needs, options: DocxOptions): Promise<Loaded> {
  const loaded: Loaded = {};
  // Loaded only for documents that need them (highlight.js alone is ~150 ms).
  if (needs.code) loaded.highlightLines = (await import('../../highlight/index.js')).highlightLines;
  if (needs.math) loaded.texToOmml = (await import('./omml.js')).texToOmml;
  if (needs.svg && options.svgFallback) {
    try {
      loaded.svgToPng = (await import('./svg-raster.js')).svgToPng;
    } catch {
      // No SVG renderer on this platform: each SVG gets a warning.
    }
  }
  return loaded;
}

const encoder = new TextEncoder();

export async function renderDocx(document: Document, options: DocxOptions, date: Date): Promise<Uint8Array> {
  const { tree, file } = document;
  const data = galleyData(file);
  const { meta } = data;
  const needs = scan(tree, data.assets);
  const loaded = await load(needs, options);
  const layout = resolveLayout(meta.layout, options.theme);
  const frontMatter = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  const language = wordLanguage(meta.lang);
  const rtl = meta.dir === 'rtl';
  const textWidth = ptToTwip(layout.size.width - layout.margins.left - layout.margins.right);

  const context: Context = {
    phrasing: false,
    marks: {},
    paragraphStyle: 'BodyText',
    indent: 0,
    width: textWidth,
    listLevel: 0,
    quoteDepth: 0,
    tight: false,
    inFootnote: false,
    inTable: false,
  };
  const state = new DocxState({
    file,
    data,
    options,
    layout,
    labels: labelsFor(meta.lang),
    handlers: { ...defaultHandlers, ...options.handlers },
    unknownHandler: options.unknownHandler ?? unknownHandler,
    loaded,
    context,
    definitions: needs.definitions,
    footnoteDefinitions: needs.footnoteDefinitions,
    footnoteReferenceCounts: needs.footnoteReferenceCounts,
  });
  for (const problem of layout.problems) state.warn(frontMatter, `"${problem.key}": ${problem.reason}`, 'layout');
  for (const [id, name] of bookmarkNames(data.outline)) state.bookmarks.set(id, name);

  // The body: title block, table of contents (after the title heading when
  // the title is a heading of the body), then the document.
  const toc = meta.toc ? tableOfContents(meta, data.outline, state.labels, state.bookmarks) : '';
  const title = toc ? titleHeading(meta, data.outline) : undefined;
  const split = title ? tree.children.findIndex((node) => node.type === 'heading' && node.data?.id === title.id) : -1;
  let body = titleBlock(meta);
  if (split < 0) body += toc + state.one(tree, undefined);
  else {
    const part = (children: RootContent[]): string => state.one({ ...tree, children }, undefined);
    body += part(tree.children.slice(0, split + 1)) + toc + part(tree.children.slice(split + 1));
  }
  // Word ends a document with a paragraph.
  if (!body.endsWith('</w:p>')) body += '<w:p/>';

  // Document level.
  const header = meta.layout.header ?? options.header;
  const footer = meta.layout.footer ?? options.footer;
  const footnotes = state.footnotes.length > 0;
  const styleOptions: StyleSheetOptions = { theme: layout.theme, language, rtl, textWidth };
  let styles: string;
  if (options.reference) {
    const { referenceStylesXml } = await import('./reference.js');
    const reference = referenceStylesXml(options.reference, styleOptions);
    if (reference.problem) state.warn(undefined, reference.problem, 'reference-doc');
    styles = reference.xml;
  } else styles = stylesXml(styleOptions);

  const documentRels: RelationshipEntry[] = [
    { id: 'rId1', type: relationshipTypes.styles, target: 'styles.xml' },
    { id: 'rId2', type: relationshipTypes.numbering, target: 'numbering.xml' },
    { id: 'rId3', type: relationshipTypes.settings, target: 'settings.xml' },
    { id: 'rId4', type: relationshipTypes.fontTable, target: 'fontTable.xml' },
  ];
  const parts: Array<PartEntry & { xml: string }> = [];
  const sectionReferences: string[] = [];
  if (footnotes) {
    documentRels.push({ id: 'rId5', type: relationshipTypes.footnotes, target: 'footnotes.xml' });
    parts.push({ path: 'word/footnotes.xml', type: partTypes.footnotes, xml: footnotesXml(state.footnotes) });
  }
  if (header) {
    documentRels.push({ id: 'rId6', type: relationshipTypes.header, target: 'header1.xml' });
    documentRels.push({ id: 'rId8', type: relationshipTypes.header, target: 'header2.xml' });
    parts.push({ path: 'word/header1.xml', type: partTypes.header, xml: headerXml(meta.title) });
    parts.push({ path: 'word/header2.xml', type: partTypes.header, xml: emptyHeaderXml() });
    sectionReferences.push('<w:headerReference w:type="default" r:id="rId6"/>', '<w:headerReference w:type="first" r:id="rId8"/>');
  }
  if (footer) {
    documentRels.push({ id: 'rId7', type: relationshipTypes.footer, target: 'footer1.xml' });
    parts.push({ path: 'word/footer1.xml', type: partTypes.footer, xml: footerXml(true) });
    sectionReferences.push('<w:footerReference w:type="default" r:id="rId7"/>');
    if (header) {
      documentRels.push({ id: 'rId9', type: relationshipTypes.footer, target: 'footer2.xml' });
      parts.push({ path: 'word/footer2.xml', type: partTypes.footer, xml: footerXml(true) });
      sectionReferences.push('<w:footerReference w:type="first" r:id="rId9"/>');
    }
  }
  for (const relationship of state.relationships) {
    documentRels.push({
      id: relationship.id,
      type: relationship.type === 'image' ? relationshipTypes.image : relationshipTypes.hyperlink,
      target: relationship.target,
      external: relationship.external,
    });
  }

  const { size, margins } = layout;
  const section =
    `<w:sectPr>${sectionReferences.join('')}` +
    `<w:pgSz w:w="${ptToTwip(size.width)}" w:h="${ptToTwip(size.height)}"/>` +
    `<w:pgMar w:top="${ptToTwip(margins.top)}" w:right="${ptToTwip(margins.right)}" w:bottom="${ptToTwip(margins.bottom)}" ` +
    `w:left="${ptToTwip(margins.left)}" w:header="${ptToTwip(margins.top / 2)}" w:footer="${ptToTwip(margins.bottom / 2)}" w:gutter="0"/>` +
    '<w:cols w:space="720"/>' +
    (header ? '<w:titlePg/>' : '') +
    (rtl ? '<w:bidi/>' : '') +
    '<w:docGrid w:linePitch="360"/></w:sectPr>';
  const documentXml = `${declaration}<w:document${namespaces('w', 'r', 'wp', 'a', 'pic', 'm')}><w:body>${body}${section}</w:body></w:document>`;

  const entries: Array<PartEntry & { xml: string }> = [
    { path: 'word/document.xml', type: partTypes.document, xml: documentXml },
    { path: 'word/styles.xml', type: partTypes.styles, xml: styles },
    { path: 'word/numbering.xml', type: partTypes.numbering, xml: numberingXml(state.orderedLists) },
    {
      path: 'word/settings.xml',
      type: partTypes.settings,
      xml: settingsXml({ language, footnotes, updateFields: options.updateFields, mathFont: 'Cambria Math' }),
    },
    { path: 'word/fontTable.xml', type: partTypes.fontTable, xml: fontTableXml(layout.theme) },
    ...parts,
  ];
  const properties: Array<PartEntry & { xml: string }> = [
    { path: 'docProps/core.xml', type: partTypes.core, xml: coreXml(meta, language.tag, date) },
    { path: 'docProps/app.xml', type: partTypes.app, xml: appXml() },
  ];
  const packageRels: RelationshipEntry[] = [
    { id: 'rId1', type: relationshipTypes.officeDocument, target: 'word/document.xml' },
    { id: 'rId2', type: relationshipTypes.core, target: 'docProps/core.xml' },
    { id: 'rId3', type: relationshipTypes.app, target: 'docProps/app.xml' },
  ];
  const mediaExtensions = state.media.map((file) => file.path.slice(file.path.lastIndexOf('.') + 1));
  const files: ZipEntry[] = [
    { path: '[Content_Types].xml', bytes: encoder.encode(contentTypesXml(mediaExtensions, [...properties, ...entries])) },
    { path: '_rels/.rels', bytes: encoder.encode(relationshipsXml(packageRels)) },
    ...properties.map((part) => ({ path: part.path, bytes: encoder.encode(part.xml) })),
    ...entries.map((part) => ({ path: part.path, bytes: encoder.encode(part.xml) })),
    { path: 'word/_rels/document.xml.rels', bytes: encoder.encode(relationshipsXml(documentRels)) },
    ...state.media.map((media) => ({ path: media.path, bytes: media.bytes })),
  ];
  return zip(files, date, options.compression);
}
