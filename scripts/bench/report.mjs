// Text output of the benchmark: the results table, linearity and start-up lines.

/** Input size in decimal units, matching the corpus names (gen-1mb is 1,000,000 bytes). */
export function humanBytes(n) {
  if (n < 1000) return `${n} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} KB`;
  return `${(n / 1e6).toFixed(1)} MB`;
}

function timeCell(m) {
  if (!m) return '-';
  if (m.status === 'fail') return 'FAIL';
  if (m.status === 'timeout') return 'TIMEOUT';
  return `${m.sum ? 'Σ ' : ''}${m.medianS.toFixed(3)}`;
}

function memCell(m) {
  if (!m || m.status !== 'ok' || m.peakMiB == null) return '-';
  return m.peakMiB.toFixed(1);
}

function ratioCell(g, p) {
  if (!g || !p || g.status !== 'ok' || p.status !== 'ok' || !(p.medianS > 0)) return '-';
  return (g.medianS / p.medianS).toFixed(2);
}

/** Rows grouped by input: the input name and size appear on the first row of each group. */
export function formatTable(rows) {
  const header = ['input', 'size', 'format', 'galley s', 'galley MiB', 'pandoc s', 'pandoc MiB', 'galley/pandoc'];
  const right = [false, true, false, true, true, true, true, true];
  const body = [];
  let last = null;
  for (const r of rows) {
    const first = r.input !== last;
    if (first && last !== null) body.push(null); // blank line between inputs
    last = r.input;
    body.push([
      first ? r.label : '', first ? r.size : '', r.format,
      timeCell(r.galley), memCell(r.galley), timeCell(r.pandoc), memCell(r.pandoc), ratioCell(r.galley, r.pandoc),
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...body.filter(Boolean).map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map((row) => (row ? line(row) : ''))].join('\n');
}

/** First `n` non-empty lines of a command's error output, indented for the log. */
export function firstLines(text, n = 8, indent = '    | ') {
  const lines = (text ?? '').split('\n').map((l) => l.trimEnd()).filter(Boolean);
  const shown = lines.slice(0, n).map((l) => indent + (l.length > 200 ? `${l.slice(0, 200)}…` : l));
  if (lines.length > n) shown.push(`${indent}… (${lines.length - n} more lines)`);
  return shown.length > 0 ? shown.join('\n') : `${indent}(no output)`;
}
