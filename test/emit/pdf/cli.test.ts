// The PDF through the command line, as users make it: two separate
// processes with the same SOURCE_DATE_EPOCH write byte-identical files (the
// same bytes as the library writes in this process, caches warm or not),
// and the README's main command writes a PDF for each sample document.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toPdf } from '../../../src/emit/pdf/index.js';
import { galley } from '../../helpers/cli.js';
import { fixtureDocument, pdfFonts, qpdfCheck, readPdf } from './read.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const epoch = '1795000000';

describe('galley convert --to pdf', () => {
  it('writes byte-identical PDFs in two processes with the same SOURCE_DATE_EPOCH', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'galley-pdf-cli-'));
    cpSync(path.join(repo, 'test/fixtures/showcase'), dir, { recursive: true });
    const env = { SOURCE_DATE_EPOCH: epoch };
    for (const name of ['a.pdf', 'b.pdf']) {
      const result = galley(['convert', 'input.md', '-o', name], { cwd: dir, env });
      expect(result.code, result.stderr).toBe(0);
    }
    const a = readFileSync(path.join(dir, 'a.pdf'));
    const b = readFileSync(path.join(dir, 'b.pdf'));
    expect(Buffer.compare(a, b)).toBe(0);
    qpdfCheck(a);
    const inProcess = await toPdf(fixtureDocument('showcase'), {}, new Date(Number(epoch) * 1000));
    expect(Buffer.compare(a, Buffer.from(inProcess))).toBe(0);
  }, 60_000);

  it('builds input/ into output/ with a PDF per sample document', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'galley-pdf-build-'));
    cpSync(path.join(repo, 'input'), path.join(dir, 'input'), { recursive: true });
    const result = galley(['build', '--to', 'pdf'], { cwd: dir, env: { SOURCE_DATE_EPOCH: epoch } });
    expect(result.code, result.stderr).toBe(0);
    for (const name of ['communique-presse-numerique.pdf', 'showcase.pdf']) {
      const bytes = new Uint8Array(readFileSync(path.join(dir, 'output', name)));
      qpdfCheck(bytes);
      for (const font of pdfFonts(bytes)) expect(font.embedded, `${name}: ${font.name}`).toBe(true);
      expect((await readPdf(bytes)).numPages).toBeGreaterThanOrEqual(2);
    }
  }, 60_000);
});
