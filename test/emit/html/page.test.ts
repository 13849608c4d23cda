// The standalone page: head, language, title block, table of contents, CSS.
import { describe, expect, it } from 'vitest';
import { htmlEmitter, toHtml } from '../../../src/emit/html/index.js';
import { runEmitter } from '../../../src/emit/types.js';
import { parse } from '../../../src/parse/index.js';
import { version } from '../../../src/version.js';
import { mainOf, render } from './helpers.js';

const frontMatter = (yaml: string, body = '') => `---\n${yaml}\n---\n\n${body}`;

describe('standalone page', () => {
  it('is a whole document with metadata in the head', async () => {
    const { html } = await render(
      frontMatter('title: Report & "Notes"\ndescription: What we found\nkeywords: [alpha, beta]\nauthor: [Ann Lee, Bo Chen]', 'Text.'),
    );
    expect(html.startsWith('<!doctype html>\n<html')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>Report &#x26; "Notes"</title>');
    expect(html).toContain('<meta name="description" content="What we found">');
    expect(html).toContain('<meta name="keywords" content="alpha, beta">');
    expect(html).toContain('<meta name="author" content="Ann Lee, Bo Chen">');
    expect(html).toContain(`<meta name="generator" content="galley ${version}">`);
    expect(html).toMatch(/<style>[\s\S]*\.page-break[\s\S]*<\/style>/);
    expect(html.endsWith('</html>\n')).toBe(true);
  });

  it('leaves out metadata the document does not have', async () => {
    const { html } = await render('# Plain\n\nText.');
    expect(html).not.toContain('name="description"');
    expect(html).not.toContain('name="keywords"');
    expect(html).not.toContain('name="author"');
  });

  it('takes lang and dir from the metadata', async () => {
    expect((await render(frontMatter('lang: fr', 'Bonjour.'))).html).toContain('<html lang="fr" dir="ltr">');
    expect((await render(frontMatter('lang: ar', 'مرحبا'))).html).toContain('<html lang="ar" dir="rtl">');
  });

  it('is what the registered emitter returns', async () => {
    const document = parse({ value: '# T\n\n<script>x()</script>' }, { assets: false });
    const emitted = await runEmitter(htmlEmitter, document, { html: { fragment: true } });
    expect(emitted).toEqual({ kind: 'text', value: await toHtml(document, { fragment: true }) });
    expect(htmlEmitter).toMatchObject({ name: 'html', extension: 'html', kind: 'text' });
    const standalone = await htmlEmitter.emit(document, {});
    expect(standalone).toContain('<!doctype html>');
    expect(standalone).not.toContain('<script>');
  });

  it('never changes the tree other emitters read', async () => {
    const document = parse(
      {
        value: frontMatter(
          'title: T\ntoc: true\nfigures: true',
          '# A {#a}\n\nx[^1] $x^2$\n\n![alt](missing.png)\n\n```js\nlet a = 1\n```\n\n[^1]: n\n\n\\newpage\n',
        ),
      },
      { assets: true, root: process.cwd() },
    );
    const before = structuredClone(document.tree);
    await toHtml(document);
    await toHtml(document, { fragment: true });
    expect(document.tree).toEqual(before);
  });
});

describe('title block', () => {
  it('shows a title written in front matter, with subtitle, authors and date', async () => {
    const { html } = await render(
      frontMatter('title: The Title\nsubtitle: The Subtitle\nauthor:\n  - Ann Lee\n  - name: Bo Chen\n    affiliation: Lab\ndate: 2024-05-01', 'Body.'),
    );
    const main = mainOf(html);
    expect(main).toMatch(/^\s*<header class="title-block">/);
    expect(main).toContain('<h1 class="title">The Title</h1>');
    expect(main).toContain('<p class="subtitle">The Subtitle</p>');
    expect(main).toContain('<p class="author">Ann Lee</p>');
    expect(main).toContain('<p class="author">Bo Chen, Lab</p>');
    expect(main).toContain('<p class="date"><time datetime="2024-05-01">May 1, 2024</time></p>');
  });

  it('writes an ISO date in the document’s language, and any other date as it is', async () => {
    const french = mainOf((await render(frontMatter('title: T\nlang: fr\ndate: 2026-11-29'))).html);
    expect(french).toContain('<p class="date"><time datetime="2026-11-29">29 novembre 2026</time></p>');
    const free = mainOf((await render(frontMatter('title: T\ndate: Spring <2026>'))).html);
    expect(free).toContain('<p class="date">Spring &#x3C;2026></p>');
  });

  it('is absent when the title is a heading of the body or the file name', async () => {
    const fromHeading = await render('# Heading Title\n\nBody.');
    expect(fromHeading.document.file.data.meta?.titleSource).toBe('heading');
    expect(mainOf(fromHeading.html)).not.toContain('title-block');
    expect(fromHeading.html.match(/<h1/g)).toHaveLength(1);
    const fromName = await render('Only text.', {}, { path: 'notes.md' });
    expect(fromName.html).toContain('<title>notes</title>');
    expect(mainOf(fromName.html)).not.toContain('title-block');
  });
});

describe('table of contents', () => {
  const body = '# Guide\n\nIntro.\n\n## Install {#setup}\n\n### On Linux\n\n#### Deep\n\n## Use\n\n## Use\n';

  it('links every heading down to depth 3 by its id', async () => {
    const { html, document } = await render(frontMatter('toc: true', body));
    const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    const links = [...toc.matchAll(/href="#([^"]+)">([^<]*)</g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['setup', 'Install'],
      ['on-linux', 'On Linux'],
      ['use', 'Use'],
      ['use-1', 'Use'],
    ]);
    for (const [id] of links) expect(html).toContain(`id="${id}"`);
    // The outline the TOC reads holds the same ids the headings carry.
    expect(document.file.data.outline?.map((entry) => entry.id)).toEqual(['guide', 'setup', 'on-linux', 'deep', 'use', 'use-1']);
    // Nested: "On Linux" is in a list inside the "Install" item.
    expect(toc).toMatch(/<li><a href="#setup">Install<\/a><ul><li><a href="#on-linux">/);
  });

  it('comes right after a title heading, which it does not list', async () => {
    const { html } = await render(frontMatter('toc: true', body));
    expect(mainOf(html)).toMatch(/^\s*<h1 id="guide">Guide<\/h1>\s*<nav class="toc"/);
  });

  it('follows toc-depth and the document language', async () => {
    const { html } = await render(frontMatter('toc: true\ntoc-depth: 2\nlang: fr', body));
    expect(html).toContain('<nav class="toc" aria-label="Table des matières">');
    expect(html).toContain('<h2 class="toc-title">Table des matières</h2>');
    expect(html).not.toContain('href="#on-linux"');
    expect(html).toContain('href="#setup"');
  });

  it('is absent without toc: true, and in fragments', async () => {
    expect((await render(body)).html).not.toContain('class="toc"');
    expect((await render(frontMatter('toc: true', body), { fragment: true })).html).not.toContain('class="toc"');
  });
});

describe('page CSS', () => {
  it('sets the paper size and margins from the front matter', async () => {
    expect((await render('x')).html).toMatch(/@page \{\s*size: 595\.28pt 841\.89pt;\s*margin: 72pt 72pt 72pt 72pt;/);
    const letter = await render(frontMatter('papersize: letter\nmargin: 2cm', 'x'));
    expect(letter.html).toMatch(/@page \{\s*size: 612pt 792pt;\s*margin: 56\.69pt 56\.69pt 56\.69pt 56\.69pt;/);
    const sides = await render(frontMatter('margin:\n  top: 1in\n  left: 30mm', 'x'));
    expect(sides.html).toMatch(/margin: 72pt 72pt 72pt 85\.04pt;/);
  });

  it('reports bad layout values and keeps the defaults', async () => {
    const { html, messages } = await render(frontMatter('papersize: napkin\nmargin: wide', 'x'));
    expect(html).toMatch(/size: 595\.28pt 841\.89pt;/);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^1:1 layout: "papersize": unknown paper size "napkin"/);
    expect(messages[1]).toMatch(/^1:1 layout: "margin": invalid length "wide"/);
  });

  it('scales the type to fontsize', async () => {
    const { html } = await render(frontMatter('fontsize: 12pt', 'x'));
    expect(html).toMatch(/body \{[^}]*font-size: 12pt;/);
  });

  it('has the print and screen rules a document needs', async () => {
    const { html } = await render('x');
    const css = /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? '';
    expect(css).toMatch(/\.page-break \{[^}]*break-after: page/);
    expect(css).toMatch(/main \{[^}]*max-width: 42em;[^}]*margin: 0 auto/);
    expect(css).toMatch(/\.task-list-item \{[^}]*list-style: none/);
    expect(css).toMatch(/h1, h2, h3, h4, h5, h6 \{[^}]*break-after: avoid/);
    expect(css).toMatch(/@media print \{[\s\S]*pre, figure, \.math-display, blockquote, tr, img, \.title-block \{[^}]*break-inside: avoid/);
    expect(css).toMatch(/\.hljs-keyword \{[^}]*color: #cf222e/);
    expect(css).toMatch(/\.hljs-title\.function_ \{[^}]*color: #8250df/);
    expect(css).toMatch(/pre \{[^}]*background: #f6f8fa/);
    expect(css).not.toContain('math {'); // temml's rules only for documents with math
    expect((await render('$x$')).html).toContain('math {');
  });

  it('appends user CSS', async () => {
    expect((await render('x', { css: 'p { color: red }' })).html).toMatch(/p \{ color: red \}\s*<\/style>/);
  });
});
