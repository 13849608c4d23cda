// DOCX goldens: for every folder of test/fixtures (shared with the HTML and
// JSON goldens) and of test/emit/docx/fixtures (DOCX-only cases), the
// pretty-printed word/document.xml, and where the document has them its
// footnotes and list numbering, the styles of two documents, the package's
// entry names and the messages of the DOCX emitter are kept in a `docx/`
// folder. Regenerate on purpose with
// `UPDATE=1 npx vitest run test/emit/docx/fixtures.test.ts`, and read the diff.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/parse/index.js';
import { attributeValues, decode, emitDocument, pandocAst, pandocNodes, pandocText, prettyXml, xmlProblems } from './helpers.js';

const update = process.env.UPDATE === '1';
const roots = [
  fileURLToPath(new URL('../../fixtures/', import.meta.url)),
  fileURLToPath(new URL('./fixtures/', import.meta.url)),
];
const cases = roots.flatMap((root) =>
  readdirSync(root)
    .filter((name) => statSync(path.join(root, name)).isDirectory() && existsSync(path.join(root, name, 'input.md')))
    .map((name) => [path.relative(fileURLToPath(new URL('../../', import.meta.url)), path.join(root, name)), path.join(root, name)] as const),
);
/** Documents whose styles part is kept too (an English and a French one). */
const withStyles = new Set(['showcase', 'press-release-fr']);

describe('DOCX golden fixtures', () => {
  it.each(cases)('%s', async (_name, folder) => {
    const input = path.join(folder, 'input.md');
    const document = parse({ path: input, value: readFileSync(input) }, { root: folder });
    const before = document.file.messages.length;
    const docx = await emitDocument(document);
    const actual: Record<string, string> = {
      'document.xml': prettyXml(docx.part('word/document.xml')),
      'parts.txt': `${Object.keys(docx.entries).join('\n')}\n`,
      'messages.txt': document.file.messages
        .slice(before)
        .map((m) => `${m.line ?? '-'}:${m.column ?? '-'} ${m.fatal ? 'error' : 'warning'} [${m.ruleId}] ${m.reason}\n`)
        .join(''),
    };
    if (docx.entries['word/footnotes.xml']) actual['footnotes.xml'] = prettyXml(docx.part('word/footnotes.xml'));
    if (docx.part('word/document.xml').includes('<w:numPr>')) actual['numbering.xml'] = prettyXml(docx.part('word/numbering.xml'));
    if (withStyles.has(path.basename(folder))) actual['styles.xml'] = prettyXml(docx.part('word/styles.xml'));

    for (const [name, xml] of Object.entries(docx.entries)) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) expect(xmlProblems(new TextDecoder().decode(xml)), name).toEqual([]);
    }
    // An independent reader finds the same structure: every heading at its
    // level, every note, picture and external link.
    const ast = pandocAst(docx.bytes);
    const nodes = pandocNodes(ast.blocks);
    const contents = document.file.data.meta!.toc ? 1 : 0;
    const headers = nodes
      .filter((node) => node.t === 'Header')
      .slice(contents)
      .map((node) => `${(node.c as [number])[0]} ${pandocText((node.c as [number, unknown, unknown])[2])}`);
    // (pandoc reads some no-break spaces as spaces: the text is compared, not the spacing.)
    const spaces = (value: string) => value.replace(/[\s\u00A0\u202F]+/g, ' ');
    expect(headers.map(spaces)).toEqual(document.file.data.outline!.map((entry) => spaces(`${entry.depth} ${entry.text}`)));
    expect(nodes.filter((node) => node.t === 'Note')).toHaveLength(attributeValues(docx.body, 'w:footnoteReference', 'w:id').length);
    expect(nodes.filter((node) => node.t === 'Image')).toHaveLength(attributeValues(docx.body, 'wp:docPr', 'id').length);
    const targets = new Set(nodes.filter((node) => node.t === 'Link').map((node) => (node.c as [unknown, unknown, [string]])[2][0]));
    for (const rel of docx.part('word/_rels/document.xml.rels').matchAll(/Target="([^"]*)" TargetMode="External"/g)) {
      expect(targets, rel[1]).toContain(decode(rel[1] as string));
    }

    const goldens = path.join(folder, 'docx');
    if (update) mkdirSync(goldens, { recursive: true });
    for (const [file, content] of Object.entries(actual)) {
      const expectedPath = path.join(goldens, file);
      if (update) writeFileSync(expectedPath, content);
      expect(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE=1`).toBe(true);
      expect(content, `${folder}/docx/${file}`).toBe(readFileSync(expectedPath, 'utf8'));
    }
  });
});
