// Renders Markdown files to PDF with galley's PDF emitter (from dist/), for
// looking at the output: node scripts/pdf-render.mjs input/showcase.md … --out DIR
// Prints per file the parse and emit times in milliseconds.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args.splice(outIndex, 2)[1] : 'output';
const t0 = performance.now();
const { parse } = await import('../dist/parse/index.js');
const { toPdf } = await import('../dist/emit/pdf/index.js');
const tImport = performance.now() - t0;
mkdirSync(out, { recursive: true });
const date = new Date(Number(process.env.SOURCE_DATE_EPOCH ?? 0) * 1000 || Date.UTC(2026, 0, 1));
for (const file of args) {
  const t1 = performance.now();
  const document = parse({ path: file, value: readFileSync(file) });
  const t2 = performance.now();
  const bytes = await toPdf(document, {}, date);
  const t3 = performance.now();
  const target = path.join(out, `${path.basename(file).replace(/\.[^.]+$/, '')}.pdf`);
  writeFileSync(target, bytes);
  const messages = document.file.messages.filter((m) => m.source === 'galley:pdf').map((m) => `  ${m.line ?? '-'}:${m.column ?? '-'} [${m.ruleId}] ${m.reason}`);
  console.log(`${target}: ${bytes.length} bytes, parse ${(t2 - t1).toFixed(0)} ms, pdf ${(t3 - t2).toFixed(0)} ms`);
  if (messages.length) console.log(messages.join('\n'));
}
console.log(`imports ${tImport.toFixed(0)} ms`);
