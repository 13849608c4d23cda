import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flags } from '../../src/cli/flags.js';
import { defaultEmitters } from '../../src/emit/registry.js';
import { version } from '../../src/version.js';
import { galley } from '../helpers/cli.js';
import { createWorkspace, type Workspace } from '../helpers/workspace.js';

let ws: Workspace;
const run = (args: string[], input?: string, env?: NodeJS.ProcessEnv) => galley(args, { cwd: ws.dir, input, env });

beforeEach(() => {
  ws = createWorkspace({
    'input/a.md': '# Alpha\n\nSome text.\n',
    'input/b.md': '# Beta\n\n[x](javascript:alert(1))\n',
    'input/broken.md': '---\ntitle: ok\nlist: [unclosed\n---\n\n# Broken\n',
  });
});

afterEach(() => ws.remove());

describe('galley build', () => {
  it('converts input/ to output/ by default, reports the broken document in one line, exits 1', () => {
    const result = run([]);
    expect(result.code).toBe(1);
    const extensions = Object.values(defaultEmitters).map((e) => e.extension);
    expect(ws.files('output')).toEqual(
      [...['a', 'b'].flatMap((name) => extensions.map((ext) => `${name}.${ext}`)), 'galley-manifest.json'].sort(),
    );
    const lines = result.stderr.trim().split('\n');
    expect(lines).toContain(
      'input/b.md:3:1: warning link with a javascript: URL removed; its text is kept [unsafe-url]',
    );
    expect(lines.find((l) => l.startsWith('input/broken.md'))).toMatch(
      /^input\/broken\.md:\d+:\d+: error invalid front matter: .+ \[front-matter\]$/,
    );
    const files = 2 * extensions.length;
    expect(lines.at(-1)).toMatch(new RegExp(`^galley: 2 of 3 documents converted, ${files} files written to output, 1 failed, 1 warning \\(\\d+\\.\\d\\d s\\)$`));
  });

  it('exits 0 when every document converts, and 1 with --fail-on-warnings when there are warnings', () => {
    expect(run(['input/a.md', 'input/b.md']).code).toBe(0);
    expect(run(['input/a.md', 'input/b.md', '--fail-on-warnings']).code).toBe(1);
    expect(run(['input/a.md', '--fail-on-warnings']).code).toBe(0);
  });

  it('writes only the formats asked for, where asked', () => {
    expect(run(['input/a.md', '--to', 'json', '--out', 'site']).code).toBe(0);
    expect(ws.files('site')).toEqual(['a.json', 'galley-manifest.json']);
  });

  it('prints only errors with --quiet', () => {
    const result = run(['--quiet']);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('error');
  });

  it('annotates for GitHub Actions', () => {
    const result = run(['--reporter', 'github']);
    expect(result.stdout).toContain('::warning file=input/b.md,line=3,col=1,title=galley unsafe-url::link with a javascript: URL removed');
    expect(result.stdout).toMatch(/::error file=input\/broken\.md,line=\d+,col=\d+,title=galley front-matter::invalid front matter/);
  });

  it('prints the report as JSON with --reporter json, and writes it with --report', () => {
    const result = run(['--reporter', 'json', '--report', 'report.json', '--to', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toMatchObject({ documents: 3, converted: 2, failed: 1 });
    const written = JSON.parse(readFileSync(ws.path('report.json'), 'utf8'));
    expect(written).toEqual(report);
    const a = written.documents.find((d: { source: string }) => d.source === 'a.md');
    const bytes = readFileSync(ws.path('output/a.json'));
    expect(a.outputs[0].sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('never colours output that is not a terminal', () => {
    expect(run([]).stderr).not.toContain('\x1b[');
  });
});

describe('usage and configuration errors exit 2', () => {
  it.each([
    [['--no-such-flag'], "Unknown option '--no-such-flag'"],
    [['--to', 'pdfx'], `unknown format "pdfx"; valid formats: ${Object.keys(defaultEmitters).join(', ')}`],
    [['missing-folder'], 'input "missing-folder" does not exist'],
    [['--reporter', 'xml'], 'unknown reporter "xml"; valid reporters: human, json, github'],
    [['--out', 'x', 'convert'], 'input "convert" does not exist'],
    [['convert', 'input/a.md', '--out', 'x'], '--out does not apply to "galley convert"'],
    [['convert'], 'convert takes one document'],
    [['convert', 'input/a.md', '--to', 'html,json'], 'convert writes one format'],
    [['--jobs', '0'], '--jobs takes a whole number of at least 1, not "0"'],
    [['--time-limit', 'soon'], '--time-limit takes a number above 0, not "soon"'],
    [['--shard', '3/2'], '--shard takes I/N with 1 ≤ I ≤ N'],
    [['convert', 'input/a.md', '--jobs', '2'], '--jobs does not apply to "galley convert"'],
  ])('%j', (args, message) => {
    const result = run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it.each([
    ['{"to": "html"}', 'galley.config.json: "to" must be array'],
    ['{"ouput": "x"}', 'galley.config.json: unknown key "ouput"'],
    ['{"reporter": "xml"}', 'galley.config.json: "reporter" must be one of "human", "json", "github"'],
    ['{"limits": {"maxFileBytes": -1}}', 'galley.config.json: "limits.maxFileBytes" must be >= 1'],
    ['{not json', 'galley.config.json: not valid JSON'],
    ['{"jobs": 0}', 'galley.config.json: "jobs" must be >= 1'],
    ['{"limits": {"maxSeconds": 0}}', 'galley.config.json: "limits.maxSeconds" must be > 0'],
  ])('rejects the config %s', (config, message) => {
    ws.write('galley.config.json', config);
    const result = run([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('says when --config names a missing file', () => {
    expect(run(['--config', 'nope.json']).stderr).toContain('nope.json: cannot be read');
  });
});

describe('configuration precedence: defaults < config < front matter < flags', () => {
  it('applies each layer in order', () => {
    ws.write('galley.config.json', JSON.stringify({ to: ['json'], toc: true, out: 'from-config' }));
    ws.write('input/fm.md', '---\ntoc: false\n---\n\n# FM\n');
    expect(run(['input/a.md', 'input/fm.md']).code).toBe(0);
    const toc = (name: string, dir = 'from-config') => JSON.parse(readFileSync(ws.path(dir, name), 'utf8')).meta.toc;
    expect(toc('a.json')).toBe(true); // config
    expect(toc('fm.json')).toBe(false); // front matter beats config
    expect(run(['input/a.md', 'input/fm.md', '--toc', '--out', 'flags']).code).toBe(0);
    expect(toc('fm.json', 'flags')).toBe(true); // flag beats front matter
  });
});

describe('PDF settings in the config file', () => {
  it('reads pdf.fonts relative to the config file, through the IO gate', () => {
    ws.write('conf/galley.config.json', JSON.stringify({ pdf: { align: 'left', fonts: ['fonts/missing.ttf'] } }));
    const result = run(['convert', 'input/a.md', '-o', 'a.pdf', '--config', 'conf/galley.config.json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('fonts/missing.ttf');
    expect(readFileSync(ws.path('a.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('rejects an alignment it does not know', () => {
    ws.write('galley.config.json', JSON.stringify({ pdf: { align: 'center' } }));
    const result = run(['convert', 'input/a.md', '-o', 'a.pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"pdf.align" must be one of "justify", "left"');
  });
});

describe('reference documents', () => {
  const styles = (font: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:rFonts w:ascii="${font}"/></w:rPr></w:style></w:styles>`;
  const documentXml = (file: string) => {
    const zip = unzipSync(readFileSync(ws.path(file)));
    return strFromU8(zip['word/styles.xml'] as Uint8Array);
  };

  it('takes Word styles from --reference-doc, and from the config file below the flag', () => {
    ws.write('flag-styles.xml', styles('Flag Font'));
    ws.write('config/config-styles.xml', styles('Config Font'));
    ws.write('config/galley.config.json', JSON.stringify({ docx: { reference: 'config-styles.xml' } }));
    expect(run(['convert', 'input/a.md', '-o', 'flag.docx', '--reference-doc', 'flag-styles.xml']).code).toBe(0);
    expect(documentXml('flag.docx')).toContain('Flag Font');
    expect(run(['convert', 'input/a.md', '-o', 'config.docx', '--config', 'config/galley.config.json']).code).toBe(0);
    expect(documentXml('config.docx')).toContain('Config Font');
  });

  it('writes PDF/A when the config asks for it, and refuses a level galley cannot write', () => {
    ws.write('galley.config.json', JSON.stringify({ pdf: { pdfa: 'PDF/A-2b' } }));
    expect(run(['convert', 'input/a.md', '-o', 'a.pdf']).code).toBe(0);
    const pdf = readFileSync(ws.path('a.pdf')).toString('latin1');
    expect(pdf).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(pdf).toContain('/OutputIntents');
    ws.write('galley.config.json', JSON.stringify({ pdf: { pdfa: 'PDF/A-1b' } }));
    const refused = run(['convert', 'input/a.md', '-o', 'b.pdf']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"pdf.pdfa" must be one of "PDF/A-2b"');
  });

  it('is a usage error when the reference document cannot be read', () => {
    const result = run(['convert', 'input/a.md', '-o', 'a.docx', '--reference-doc', 'missing.docx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('reference document: "');
  });
});

describe('galley convert', () => {
  it('reads standard input and writes HTML to standard output', () => {
    const result = run(['convert', '-'], '# From stdin\n\nHello "world".\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>/i);
    expect(result.stdout).toContain('<title>From stdin</title>');
    expect(result.stdout).toContain('Hello “world”.');
  });

  it('infers the format from -o and writes the file', () => {
    expect(run(['convert', 'input/a.md', '-o', 'a.json']).code).toBe(0);
    expect(JSON.parse(readFileSync(ws.path('a.json'), 'utf8')).meta.title).toBe('Alpha');
  });

  it('reports a broken document on standard error and exits 1', () => {
    const result = run(['convert', 'input/broken.md', '-o', 'broken.html']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^input\/broken\.md:\d+:\d+: error invalid front matter/);
    expect(ws.files()).not.toContain('broken.html');
  });
});

describe('help and version', () => {
  it('--help lists every flag of the table and the exit codes', () => {
    const result = run(['--help']);
    expect(result.code).toBe(0);
    for (const flag of flags) expect(result.stdout).toContain(`--${flag.name}`);
    expect(result.stdout).toContain('Exit codes: 0 success');
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(version).toBe(pkg.version);
    expect(run(['--version']).stdout.trim()).toBe(pkg.version);
  });

  it('formats lists the registered formats', () => {
    expect(run(['formats']).stdout).toBe(Object.keys(defaultEmitters).map((name) => `${name}\n`).join(''));
  });
});
