// Vendored copy of ../shared/bench/make-corpus.mjs (the project's shared benchmark
// generator), so that the equivalence tests run from a clean clone. Identical but for this header.
// Deterministic (seeded) corpus generator for the galley peer benchmark.
//
//   node make-corpus.mjs <outdir> --small   writes tech.md (~60 KB) and img/*.png
//                                           (this is how bench/corpus/ was made)
//   node make-corpus.mjs <outdir>           writes the large/generated inputs:
//       img/*.png, empty.md, gen-1k.md, gen-10k.md, gen-100k.md, gen-1mb.md,
//       gen-10mb.md, batch/doc-000.md … batch/doc-499.md (~3.4 KB each) + batch/img/*.png
//
// No dependencies beyond Node >= 18. Same seed => byte-identical output.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

// ---------------------------------------------------------------- PRNG
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(seed) {
    this.r = mulberry32(seed);
    this.fn = 0; // footnote counter (unique labels across a document)
  }
  int(lo, hi) { return lo + Math.floor(this.r() * (hi - lo + 1)); }
  pick(a) { return a[Math.floor(this.r() * a.length)]; }
  chance(p) { return this.r() < p; }
}

// ---------------------------------------------------------------- PNG
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(width, height, pixel) { // pixel(x,y) -> [r,g,b]
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[o++] = r; raw[o++] = g; raw[o++] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}
function figurePng() { // 240x135 "architecture" diagram: gradient, three boxes, arrows
  return png(240, 135, (x, y) => {
    const boxes = [[20, 45, 60, 45], [95, 45, 60, 45], [170, 45, 55, 45]];
    for (const [bx, by, bw, bh] of boxes) {
      const inside = x >= bx && x < bx + bw && y >= by && y < by + bh;
      const border = inside && (x < bx + 2 || x >= bx + bw - 2 || y < by + 2 || y >= by + bh - 2);
      if (border) return [30, 60, 110];
      if (inside) return [200, 220, 245];
    }
    if ((y === 67 || y === 68) && ((x >= 80 && x < 95) || (x >= 155 && x < 170))) return [30, 60, 110];
    return [250 - (y >> 2), 250 - (x >> 3), 255];
  });
}
function chartPng() { // 160x100 bar chart
  const bars = [62, 35, 80, 54, 91, 47];
  return png(160, 100, (x, y) => {
    if (y === 95 || x === 8) return [40, 40, 40];
    const i = Math.floor((x - 14) / 24), off = (x - 14) % 24;
    if (i >= 0 && i < bars.length && off >= 0 && off < 16 && y < 95 && y >= 95 - bars[i])
      return i % 2 ? [230, 120, 40] : [40, 120, 200];
    return [255, 255, 255];
  });
}

// ---------------------------------------------------------------- text pools
const NOUNS = ['request', 'worker', 'queue', 'scheduler', 'cache', 'index', 'shard', 'replica', 'token',
  'session', 'buffer', 'parser', 'renderer', 'pipeline', 'manifest', 'snapshot', 'cluster', 'gateway',
  'endpoint', 'payload', 'schema', 'migration', 'checkpoint', 'lease', 'partition', 'handler', 'stream',
  'document', 'tenant', 'connection pool', 'retry budget', 'rate limiter', 'audit log', 'feature flag'];
const ADJ = ['idle', 'stale', 'pending', 'primary', 'secondary', 'compressed', 'encrypted', 'immutable',
  'transient', 'durable', 'partitioned', 'cached', 'signed', 'versioned', 'read-only', 'hot', 'cold',
  'naïve', 'default', 'experimental', 'deprecated', 'sharded'];
const VERBS = ['flushes', 'validates', 'rejects', 'serialises', 'rebalances', 'evicts', 'replays',
  'acknowledges', 'compacts', 'forwards', 'retries', 'throttles', 'hydrates', 'normalises', 'schedules',
  'rotates', 'streams', 'indexes', 'deduplicates', 'persists'];
const ADV = ['asynchronously', 'eagerly', 'lazily', 'atomically', 'periodically', 'on demand',
  'in the background', 'before the next checkpoint', 'within a single transaction', 'at most once',
  'exactly once', 'after the lease expires', 'during start-up', 'under back-pressure'];
const CONNECT = ['However,', 'In practice,', 'By default,', 'As a result,', 'Note that', 'In most deployments,',
  'When the cluster is degraded,', 'For compatibility,', 'Unlike version 1.x,', 'If tracing is enabled,'];
const IDENTS = ['maxInflight', 'flushIntervalMs', 'retryPolicy', 'leaseTtl', 'shardCount', 'compaction.level',
  'auth.tokenTtl', 'gateway.port', 'queue.highWatermark', 'cache.evictAfter', 'LEDGER_HOME', 'tenantId',
  'renderer.pageSize', 'stream.chunkBytes', 'index.refreshMs'];
const UNITS = ['ms', 'µs', 's', 'MiB', 'KiB', 'req/s', '%'];
const URLS = ['https://example.com/docs/config', 'https://example.org/rfc/9110', 'https://example.net/blog/sharding',
  'https://example.com/api/v2#errors', 'https://example.org/status', 'https://example.com/changelog'];
const TOPICS = ['Overview', 'Installation', 'Configuration', 'Architecture', 'Request lifecycle', 'API reference',
  'Error handling', 'Authentication', 'Performance tuning', 'Caching', 'Replication', 'Deployment',
  'Monitoring and alerting', 'Troubleshooting', 'Security considerations', 'Migration guide',
  'Data model', 'Rate limiting', 'Backups and restore', 'Frequently asked questions', 'Glossary', 'Changelog'];
const SUBTOPICS = ['Prerequisites', 'Quick start', 'Options', 'Defaults', 'Examples', 'Limitations', 'Internals',
  'Failure modes', 'Metrics', 'Tuning', 'Compatibility', 'Known issues', 'Best practices', 'Edge cases'];
const INTL = ['café', 'déjà vu', 'façade', 'Zürich', 'São Paulo', 'Kraków', 'résumé', 'naïveté', 'Ærøskøbing',
  'smörgåsbord', 'crème brûlée', 'Ελληνικά', 'Straße'];

function inline(g) {
  const n = g.pick(NOUNS);
  switch (g.int(0, 11)) {
    case 0: return `*${n}*`;
    case 1: return `**${n}**`;
    case 2: return `\`${g.pick(IDENTS)}\``;
    case 3: return `[${n}](${g.pick(URLS)})`;
    case 4: return `~~${n}~~`;
    case 5: return `***${g.pick(ADJ)} ${n}***`;
    case 6: return `${g.int(2, 950)} ${g.pick(UNITS)}`;
    case 7: return g.pick(INTL);
    default: return n;
  }
}
function sentence(g) {
  const parts = [];
  if (g.chance(0.35)) parts.push(g.pick(CONNECT));
  parts.push(`the ${g.pick(ADJ)} ${inline(g)}`, g.pick(VERBS), `each ${inline(g)}`, g.pick(ADV));
  if (g.chance(0.3)) parts.push(`unless \`${g.pick(IDENTS)}\` is set to ${g.int(0, 4096)}`);
  if (g.chance(0.15)) parts.push(`(see ${inline(g)})`);
  let s = parts.join(' ');
  s = s[0].toUpperCase() + s.slice(1);
  return s + (g.chance(0.1) ? '!' : '.');
}
function paragraph(g, fns) {
  const lines = [];
  const n = g.int(2, 6);
  for (let i = 0; i < n; i++) {
    let s = sentence(g);
    if (fns && g.chance(0.12)) { const id = ++g.fn; fns.push(id); s = s.replace(/[.!]$/, `[^${id}].`); }
    lines.push(s);
  }
  // hard line break (two trailing spaces or backslash) now and then
  if (g.chance(0.15)) return lines.slice(0, -1).join(' ') + (g.chance(0.5) ? '  \n' : '\\\n') + lines.at(-1);
  return lines.join(' ');
}
function bulletList(g, depth = 0, ordered = false) {
  const out = [];
  const n = g.int(2, 5);
  const indent = '   '.repeat(depth);
  for (let i = 0; i < n; i++) {
    const marker = ordered ? `${i + 1}.` : '-';
    out.push(`${indent}${marker} ${sentence(g)}`);
    if (depth < 2 && g.chance(0.3)) out.push(bulletList(g, depth + 1, g.chance(0.3)));
  }
  return out.join('\n');
}
function taskList(g) {
  const n = g.int(3, 6);
  const out = [];
  for (let i = 0; i < n; i++) out.push(`- [${g.chance(0.5) ? 'x' : ' '}] ${g.pick(VERBS).replace(/s$/, '')} the ${g.pick(ADJ)} ${inline(g)}`);
  return out.join('\n');
}
function table(g) {
  const cols = g.int(3, 6), rows = g.int(3, 14);
  const heads = ['Option', 'Type', 'Default', 'Unit', 'Scope', 'Description'].slice(0, cols);
  const align = heads.map((_, i) => (i === 2 ? '---:' : i === 1 ? ':---:' : '---'));
  const out = [`| ${heads.join(' | ')} |`, `| ${align.join(' | ')} |`];
  for (let r = 0; r < rows; r++) {
    const cells = [`\`${g.pick(IDENTS)}\``, g.pick(['int', 'string', 'bool', 'duration', 'enum']),
      String(g.int(0, 10000)), g.pick(UNITS), g.pick(['node', 'cluster', 'tenant', 'request']),
      `${g.pick(ADJ)} ${inline(g)} ${g.pick(ADV)}`.replace(/\|/g, '\\|')];
    out.push(`| ${cells.slice(0, cols).join(' | ')} |`);
  }
  return out.join('\n');
}
function codeBlock(g) {
  const lang = g.pick(['ts', 'json', 'bash', 'yaml', 'text']);
  const lines = [];
  const n = g.int(4, 16);
  for (let i = 0; i < n; i++) {
    const id = g.pick(IDENTS).replace(/\./g, '_');
    switch (lang) {
      case 'ts': lines.push(i === 0 ? `export async function ${g.pick(VERBS).replace(/s$/, '')}(${id}: number): Promise<void> {` :
        `  const ${id}${i} = await client.${g.pick(VERBS)}({ ${id}, retries: ${g.int(0, 9)} }); // ${g.pick(ADV)}`); break;
      case 'json': lines.push(`  "${id}${i}": ${g.chance(0.5) ? g.int(0, 9999) : `"${g.pick(ADJ)}"`},`); break;
      case 'bash': lines.push(`ledgerctl ${g.pick(VERBS).replace(/s$/, '')} --${id.toLowerCase()}=${g.int(1, 512)} ${g.chance(0.3) ? '| jq .status' : ''}`.trimEnd()); break;
      case 'yaml': lines.push(`${'  '.repeat(i % 3)}${id}: ${g.chance(0.5) ? g.int(0, 600) : g.pick(ADJ)}`); break;
      default: lines.push(`${String(i).padStart(3, '0')}  ${g.pick(NOUNS).padEnd(16)} ${g.int(0, 99999)} ${g.pick(UNITS)}`);
    }
  }
  if (lang === 'ts') lines.push('}');
  if (lang === 'json') { lines[lines.length - 1] = lines.at(-1).replace(/,$/, ''); lines.unshift('{'); lines.push('}'); }
  return '```' + lang + '\n' + lines.join('\n') + '\n```';
}
function blockquote(g) {
  const body = `> **${g.pick(['Note', 'Warning', 'Tip', 'Important'])}:** ${sentence(g)} ${sentence(g)}`;
  return g.chance(0.25) ? `${body}\n>\n> > ${sentence(g)}` : body;
}
function image(g, prefix) {
  const f = g.pick(['figure.png', 'chart.png']);
  return `![${g.pick(ADJ)} ${g.pick(NOUNS)} diagram](${prefix}img/${f} "Figure ${g.int(1, 99)}")`;
}

// An endless stream of blocks (headings, paragraphs, lists, …). Footnote definitions
// follow the block that references them, so any prefix of the stream is valid.
function* blocks(g, prefix) {
  for (let first = true; ; first = false) {
    const level = first || g.chance(0.3) ? 2 : g.chance(0.75) ? 3 : 4;
    yield `${'#'.repeat(level)} ${g.pick(level === 2 ? TOPICS : SUBTOPICS)}${g.chance(0.2) ? ' (' + g.pick(INTL) + ')' : ''}`;
    const n = g.int(2, 6);
    for (let i = 0; i < n; i++) {
      const k = g.r();
      const fns = [];
      if (k < 0.42) yield paragraph(g, fns);
      else if (k < 0.55) yield bulletList(g, 0, g.chance(0.35));
      else if (k < 0.62) yield taskList(g);
      else if (k < 0.71) yield table(g);
      else if (k < 0.82) yield codeBlock(g);
      else if (k < 0.9) yield blockquote(g);
      else if (k < 0.95) yield image(g, prefix);
      else if (k < 0.97) yield '---';
      else yield `Autolinks such as www.example.com/${g.pick(NOUNS).replace(/ /g, '-')} and <https://example.org/${g.int(1, 999)}> are recognised.`;
      for (const id of fns) yield `[^${id}]: ${sentence(g)}`;
    }
  }
}

// A document of about `target` bytes: a prefix of the seeded block stream, so the
// generated sizes share one content mix (gen-1k is a prefix of gen-10k, …).
function doc(seed, target, title, prefix = '') {
  const g = new Gen(seed);
  const parts = [`# ${title}`, paragraph(g, null)];
  let size = parts[0].length + parts[1].length + 2;
  for (const b of blocks(g, prefix)) {
    if (size >= target) break;
    parts.push(b);
    size += b.length + 2;
  }
  return parts.join('\n\n') + '\n';
}

function smallDoc(i) { // ~3 KB
  const g = new Gen(100000 + i);
  const parts = [`# Note ${String(i).padStart(3, '0')}: ${g.pick(TOPICS)}`, paragraph(g, null)];
  const fns = [];
  parts.push(`## ${g.pick(SUBTOPICS)}`, paragraph(g, fns), bulletList(g, 0, g.chance(0.4)));
  if (g.chance(0.5)) parts.push(table(g)); else parts.push(codeBlock(g));
  parts.push(blockquote(g));
  if (g.chance(0.3)) parts.push(image(g, ''));
  parts.push(`## ${g.pick(SUBTOPICS)}`, paragraph(g, fns), taskList(g));
  let text = parts.join('\n\n');
  while (text.length < 2300) { text += '\n\n' + paragraph(g, fns); }
  for (const id of fns) text += `\n\n[^${id}]: ${sentence(g)}`;
  return text + '\n';
}

// ---------------------------------------------------------------- main
const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith('--'));
if (!out) {
  console.error('usage: node make-corpus.mjs <outdir> [--small]');
  process.exit(2);
}
mkdirSync(join(out, 'img'), { recursive: true });
writeFileSync(join(out, 'img', 'figure.png'), figurePng());
writeFileSync(join(out, 'img', 'chart.png'), chartPng());

if (args.includes('--small')) {
  writeFileSync(join(out, 'tech.md'), doc(42, 60_000, 'Ledgerline Service — Technical Reference'));
} else {
  writeFileSync(join(out, 'empty.md'), '');
  const sizes = { 'gen-1k': 1_000, 'gen-10k': 10_000, 'gen-100k': 100_000, 'gen-1mb': 1_000_000, 'gen-10mb': 10_000_000 };
  for (const [name, bytes] of Object.entries(sizes)) {
    writeFileSync(join(out, `${name}.md`), doc(7, bytes, `Generated corpus ${name}`));
  }
  mkdirSync(join(out, 'batch', 'img'), { recursive: true });
  writeFileSync(join(out, 'batch', 'img', 'figure.png'), figurePng());
  writeFileSync(join(out, 'batch', 'img', 'chart.png'), chartPng());
  for (let i = 0; i < 500; i++) writeFileSync(join(out, 'batch', `doc-${String(i).padStart(3, '0')}.md`), smallDoc(i));
}
