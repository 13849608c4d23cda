// Handlers, tested through the real parse stage and both output modes.
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../../src/emit/html/index.js';
import { parse } from '../../../src/parse/index.js';
import { folderWith, htmlMessages, mainOf, png, render } from './helpers.js';

describe('headings', () => {
  it('carry the id the parse stage gave them', async () => {
    const { html } = await render('# Hello World\n\n## Custom {#my-id}\n\n## Hello World');
    expect(html).toContain('<h1 id="hello-world">Hello World</h1>');
    expect(html).toContain('<h2 id="my-id">Custom</h2>');
    expect(html).toContain('<h2 id="hello-world-1">Hello World</h2>');
  });

  it('never recompute the id', async () => {
    const document = parse({ value: '## Some Title' }, { assets: false });
    const heading = document.tree.children[0];
    if (heading?.type !== 'heading') throw new Error('expected a heading');
    heading.data = { id: 'chosen-elsewhere' };
    expect(await toHtml(document, { fragment: true })).toBe('<h2 id="chosen-elsewhere">Some Title</h2>\n');
  });
});

describe('footnotes', () => {
  const markdown = 'One[^a] and two[^b], one again[^a].\n\n[^a]: First.\n[^b]: Second.\n';

  it('link both ways with unprefixed ids', async () => {
    for (const fragment of [true, false]) {
      const { html } = await render(markdown, { fragment });
      expect(html).toContain('<a href="#fn-a" id="fnref-a"');
      expect(html).toContain('<a href="#fn-a" id="fnref-a-2"');
      expect(html).toContain('<a href="#fn-b" id="fnref-b"');
      expect(html).toMatch(/<li id="fn-a">\s*<p>First\. <a href="#fnref-a" data-footnote-backref(?:="")? aria-label="Back to reference 1" class="data-footnote-backref">↩\uFE0E<\/a> <a href="#fnref-a-2"/);
      expect(html).toContain('<h2 class="sr-only" id="footnote-label">Footnotes</h2>');
      expect(html).not.toContain('user-content-');
    }
  });

  it('are labelled in the document language', async () => {
    const { html } = await render(`---\nlang: fr\n---\n\n${markdown}`);
    expect(html).toContain('<h2 class="sr-only" id="footnote-label">Notes</h2>');
    expect(html).toContain('aria-label="Retour à l’appel de note 1"');
    expect(html).toContain('aria-label="Retour à l’appel de note 2"');
  });
});

describe('GFM blocks', () => {
  it('render task items as disabled checkboxes', async () => {
    for (const fragment of [true, false]) {
      const { html } = await render('- [x] done\n- [ ] open\n', { fragment });
      expect(html).toContain('<ul class="contains-task-list">');
      expect(html).toContain('<li class="task-list-item"><input type="checkbox" checked disabled> done</li>');
      expect(html).toContain('<li class="task-list-item"><input type="checkbox" disabled> open</li>');
    }
  });

  it('keep table column alignment', async () => {
    const { html } = await render('| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n');
    expect(html).toContain('<th align="left">a</th>');
    expect(html).toContain('<th align="center">b</th>');
    expect(html).toContain('<td align="right">3</td>');
    expect(html).toContain('<td>4</td>');
  });

  it('render a page break as an empty block', async () => {
    const { html } = await render('Before\n\n\\newpage\n\nAfter');
    expect(mainOf(html)).toContain('<p>Before</p>\n<div class="page-break" role="presentation"></div>\n<p>After</p>');
  });
});

describe('code', () => {
  it('is highlighted with hljs spans when the language is known', async () => {
    for (const fragment of [true, false]) {
      const { html } = await render('```ts\nconst x: string = "hi"; // note\n```', { fragment });
      expect(html).toContain(
        '<pre><code class="language-ts"><span class="hljs-keyword">const</span> <span class="hljs-attr">x</span>: ' +
          '<span class="hljs-built_in">string</span> = <span class="hljs-string">"hi"</span>; ' +
          '<span class="hljs-comment">// note</span>\n</code></pre>',
      );
    }
  });

  it('keeps sub-scope classes through the sanitizer', async () => {
    const { html } = await render('```js\nfunction go() {}\n```');
    expect(html).toContain('<span class="hljs-title function_">go</span>');
  });

  it('is plain, without a warning, for unknown or absent languages', async () => {
    const unknown = await render('```klingon\n<b>x</b>\n```');
    expect(mainOf(unknown.html)).toContain('<pre><code class="language-klingon">&#x3C;b>x&#x3C;/b>\n</code></pre>');
    expect(unknown.messages).toEqual([]);
    const none = await render('```\nplain\n```');
    expect(mainOf(none.html)).toContain('<pre><code>plain\n</code></pre>');
  });
});

describe('math', () => {
  it('becomes MathML, inline and displayed', async () => {
    for (const fragment of [true, false]) {
      const { html, messages } = await render('Inline $a^2$ here.\n\n$$\n\\frac{1}{2}\n$$\n', { fragment });
      expect(html).toContain(
        '<math><semantics><msup><mi>a</mi><mn>2</mn></msup><annotation encoding="application/x-tex">a^2</annotation></semantics></math>',
      );
      expect(html).toMatch(/<div class="math-display"><math display="block" class="tml-display" style="display:block math;"><semantics><mfrac><mn>1<\/mn><mn>2<\/mn><\/mfrac>/);
      expect(messages).toEqual([]);
    }
  });

  it('shows bad TeX as code, with a positioned warning', async () => {
    for (const fragment of [true, false]) {
      const { html, document } = await render('Text\n\nBad $\\frac{a$ here and\n\n$$\n\\begin{nope}\n$$\n', { fragment });
      expect(html).toMatch(/<code class="math-error" title="TeX error: [^"]*">\\frac{a<\/code>/);
      expect(html).toMatch(/<div class="math-display"><pre><code class="math-error" title="TeX error: [^"]*">\\begin{nope}<\/code><\/pre><\/div>/);
      expect(html).not.toContain('<math');
      const warnings = document.file.messages.filter((m) => m.source === 'galley:html');
      expect(warnings.map((m) => [m.ruleId, m.line, m.column, m.fatal])).toEqual([
        ['math', 3, 5, false],
        ['math', 5, 1, false],
      ]);
      expect(warnings[0]?.reason).toMatch(/^TeX error: .+; the TeX source is shown instead$/);
    }
  });
});

describe('images', () => {
  const dir = folderWith({
    'dot.png': png(3, 2),
    'fake.png': 'not an image',
    'reach.svg': '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="4" height="2"><script>alert(1)</script><image xlink:href="/etc/secret.png" width="4" height="2"/><rect width="4" height="2" fill="url(#g)" onclick="x()"/></svg>',
  });
  const inFolder = (markdown: string, options = {}) =>
    render(markdown, options, { path: `${dir}/doc.md`, assets: true });

  it('embeds a resolved image as a data URI with its pixel size', async () => {
    const { html } = await inFolder('![A dot](dot.png "The dot")');
    const base64 = png(3, 2).toString('base64');
    expect(html).toContain(`<img src="data:image/png;base64,${base64}" alt="A dot" title="The dot" width="3" height="2">`);
  });

  it('embeds image references too', async () => {
    const { html } = await inFolder('![Dot][d]\n\n[d]: dot.png');
    expect(html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="Dot" width="3" height="2">/);
  });

  it('keeps the URL when embedding is off', async () => {
    const { html } = await inFolder('![A dot](dot.png)', { embedImages: false });
    expect(html).toContain('<img src="dot.png" alt="A dot" width="3" height="2">');
  });

  it('shows the alt text of an image that could not be used', async () => {
    for (const fragment of [true, false]) {
      const { html, document } = await inFolder('![The missing chart](nowhere.png) and ![Fake](fake.png) and ![](gone.png)', {
        fragment,
      });
      expect(html).toContain('<span class="missing-image">The missing chart</span>');
      expect(html).toContain('<span class="missing-image">Fake</span>');
      expect(html).toContain('<span class="missing-image">gone.png</span>');
      expect(html).not.toContain('<img');
      // The parse stage said why; the emitter does not repeat it.
      expect(htmlMessages(document)).toEqual([]);
    }
  });

  it('embeds an SVG without what could reach outside it (scripts, handlers, file references)', async () => {
    const { html } = await inFolder('![Shape](reach.svg)');
    const base64 = /<img src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html)?.[1];
    const svg = Buffer.from(base64 ?? '', 'base64').toString('utf8');
    expect(svg).toContain('<rect width="4" height="2" fill="url(#g)"/>');
    expect(svg).not.toMatch(/script|secret|onclick/);
  });

  it('keeps the URL of a remote image', async () => {
    const { html } = await inFolder('![Logo](https://example.com/logo.png)');
    expect(html).toContain('<img src="https://example.com/logo.png" alt="Logo">');
  });

  it('become numbered figures with figures: true', async () => {
    const { html } = await inFolder('---\nfigures: true\nlang: de\n---\n\n![A dot](dot.png)\n\n![](dot.png)\n\nInline ![x](dot.png) stays.');
    const main = mainOf(html);
    expect(main).toMatch(
      /<figure><img src="data:image\/png;base64,[^"]+" alt="A dot" width="3" height="2"><figcaption><span class="figure-label">Abbildung 1\.<\/span> A dot<\/figcaption><\/figure>/,
    );
    expect(main).toContain('<figcaption><span class="figure-label">Abbildung 2</span></figcaption>');
    expect(main).toMatch(/<p>Inline <img [^>]+> stays\.<\/p>/);
  });
});

describe('custom handlers', () => {
  it('sit over galley’s, and unknown nodes keep their text with a warning', async () => {
    const document = parse({ value: '# Title\n\nText' }, { assets: false });
    document.tree.children.push({
      type: 'callout',
      children: [{ type: 'text', value: 'Be careful' }],
      position: { start: { line: 9, column: 2 }, end: { line: 9, column: 12 } },
    } as never);
    const html = await toHtml(document, {
      fragment: true,
      handlers: {
        heading: (state, node): Element => ({ type: 'element', tagName: 'h1', properties: { className: ['mine'] }, children: state.all(node) }),
      },
    });
    expect(html).toContain('<h1 class="mine">Title</h1>');
    expect(html).toContain('Be careful');
    expect(htmlMessages(document)).toEqual(['9:2 unknown-node: cannot render "callout" nodes in HTML; their text is kept']);
  });
});
