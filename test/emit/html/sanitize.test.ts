// Standalone pages are sanitized; fragments are not (library users embed
// them in their own pages, and the README says so).
import { describe, expect, it } from 'vitest';
import { safeMathStyle } from '../../../src/emit/html/sanitize-schema.js';
import { mainOf, render } from './helpers.js';

const attacks = [
  '<script>alert("script")</script>',
  '<img src=x onerror="alert(\'onerror\')">',
  '<a href="javascript:alert(\'href\')">click</a>',
  '<a href="JaVaScRiPt&colon;alert(1)">encoded</a>',
  '<iframe src="https://evil.example/frame"></iframe>',
  '<svg><script>alert("svg")</script><circle onload="alert(1)"/></svg>',
  '<style>body { display: none }</style>',
  '<form action="https://evil.example"><input name="q"><button>go</button></form>',
  '<object data="evil.swf"></object><embed src="evil.swf">',
  '<div onclick="alert(1)" style="position:fixed;inset:0">overlay</div>',
  '<img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
  '<math><mi style="background:url(https://evil.example/track)">x</mi></math>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
];

describe('standalone sanitizer', () => {
  it('removes scripts, handlers, frames, forms and dangerous URLs', async () => {
    const { html } = await render(`# Attacks\n\n${attacks.join('\n\n')}\n\nSafe <b>bold</b> and <kbd>Ctrl</kbd>.\n`);
    const main = mainOf(html);
    for (const needle of [
      '<script', 'alert(', 'onerror', 'onclick', 'onload', 'javascript:', '<iframe', '<svg', '<style',
      'display: none', '<form', '<button', '<object', '<embed', 'position:fixed', 'data:text/html',
      'url(', '<meta', '<base', '<link', 'evil.example',
    ]) {
      expect(main, needle).not.toContain(needle);
    }
    // Like GitHub, any input that survives is a disabled checkbox.
    for (const input of main.match(/<input[^>]*>/g) ?? []) expect(input).toMatch(/^<input(?=.*\bdisabled\b)(?=.*type="checkbox")/);
    // The head has exactly the page's own style and no script.
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toContain('<script');
    // Harmless raw HTML and text survive.
    expect(main).toContain('Safe <b>bold</b> and <kbd>Ctrl</kbd>.');
    expect(main).toContain('>click</a>');
    expect(main).toContain('overlay');
    expect(main).toContain('<math><mi>x</mi></math>');
  });

  it('sanitizes raw HTML that custom handlers return', async () => {
    const { html } = await render('Para', {
      handlers: { paragraph: () => ({ type: 'raw', value: '<script>x()</script><b onclick="y()">kept</b>' }) as never },
    });
    expect(mainOf(html).trim()).toBe('<b>kept</b>');
  });

  it('allows only the URL policy’s link schemes in raw HTML', async () => {
    const { html } = await render(
      '<a href="https://a.example/">a</a> <a href="mailto:x@y.example">m</a> <a href="tel:+331">t</a> ' +
        '<a href="irc://irc.example/">i</a> <a href="ftp://f.example/">f</a> <a href="#local">l</a>',
    );
    const main = mainOf(html);
    expect(main).toContain('<a href="https://a.example/">a</a>');
    expect(main).toContain('<a href="mailto:x@y.example">m</a>');
    expect(main).toContain('<a href="tel:+331">t</a>');
    expect(main).toContain('<a>i</a>');
    expect(main).toContain('<a>f</a>');
    expect(main).toContain('<a href="#local">l</a>');
  });

  it('keeps embedded images but no other data: URLs', async () => {
    const gif = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    const { html } = await render(`<img src="${gif}" alt="g"> <img src="data:image/svg+xml;base64,PHN2Zz4=" alt="s"> <img src="data:application/octet-stream;base64,AA==" alt="o">`);
    const main = mainOf(html);
    expect(main).toContain(`<img src="${gif}" alt="g">`);
    expect(main).toContain('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="s">');
    expect(main).toContain('<img alt="o">');
  });

  it('keeps ids unprefixed and galley’s own classes', async () => {
    const { html } = await render('# T\n\nx[^1]\n\n- [x] y\n\n\\newpage\n\n[^1]: n');
    const main = mainOf(html);
    expect(main).toContain('<h1 id="t">');
    expect(main).toContain('id="fn-1"');
    expect(main).toMatch(/<section data-footnotes(?:="")? class="footnotes">/);
    expect(main).toContain('<li class="task-list-item"><input type="checkbox" checked disabled> y</li>');
    expect(main).toContain('<div class="page-break" role="presentation"></div>');
  });
});

describe('fragment mode', () => {
  it('passes raw HTML through as written, and adds no page around it', async () => {
    const raw = '<div class="note" onclick="go()"><script>track()</script></div>';
    const { html } = await render(`# T\n\n${raw}\n\nText <span style="color:red">red</span>.\n`, { fragment: true });
    expect(html).toBe(`<h1 id="t">T</h1>\n${raw}\n<p>Text <span style="color:red">red</span>.</p>\n`);
  });
});

describe('MathML through the sanitizer', () => {
  // What temml emits for these must come through unchanged: elements,
  // attributes, classes and its inline styles.
  const formulas = [
    String.raw`\frac{a}{b}`,
    String.raw`\sqrt{x} + \sqrt[3]{y}`,
    String.raw`\sum_{i=0}^n i^2`,
    String.raw`\int_0^1 f(x)\,dx`,
    String.raw`\begin{pmatrix} a & b \\ c & d \end{pmatrix}`,
    String.raw`\begin{aligned} a &= b + c \\ d &= e \end{aligned}`,
    String.raw`\color{red}{x} + \textcolor{blue}{y}`,
    String.raw`\colorbox{yellow}{z}`,
    String.raw`\boxed{E = mc^2}`,
    String.raw`\cancel{x} \bcancel{y} \xcancel{z}`,
    String.raw`\overbrace{a+b}^{n} \underbrace{c}_{m}`,
    String.raw`\hat{x} \vec{v} \widehat{abc} \tilde{y}`,
    String.raw`\binom{n}{k} \tbinom{n}{k}`,
    String.raw`\left( \frac{1}{2} \right] \middle|`.replace(String.raw` \middle|`, ''),
    String.raw`\lim_{x \to 0} \frac{\sin x}{x} = 1`,
    String.raw`\mathbb{R} \mathcal{F} \mathfrak{g} \mathrm{d} \mathbf{v} \boldsymbol{\alpha}`,
    String.raw`{}^{14}_{6}\mathrm{C} \quad \prescript{a}{b}{X}`.replace(String.raw` \quad \prescript{a}{b}{X}`, ''),
    String.raw`\xrightarrow[below]{above} \overset{!}{=} \underset{x}{\arg\max}`,
    String.raw`\phantom{x} \hphantom{y} \mathstrut`,
    String.raw`\text{if } x > 0 \text{ and } y \neq 0`,
    String.raw`\begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}`,
    String.raw`\begin{array}{l|c|r} a & b & c \\ \hline d & e & f \end{array}`,
    String.raw`\overline{AB} \underline{CD}`,
    String.raw`\tag{3} x = y`,
    String.raw`a \mathbin{\#} b \mathrel{:=} c \mathop{\mathrm{op}} d`,
    String.raw`\displaystyle\sum_{n} \textstyle\sum_{n} \scriptstyle x`,
    String.raw`\sout{abc} \fbox{x}`,
    String.raw`\mathllap{x} \mathrlap{y} \mathclap{z} = w`,
  ];

  it.each(formulas)('keeps %s', async (tex) => {
    const fragment = await render(`$$\n${tex}\n$$\n`, { fragment: true });
    const page = await render(`$$\n${tex}\n$$\n`);
    const mathOf = (html: string) => /<math[\s\S]*<\/math>/.exec(html)?.[0];
    const expected = mathOf(fragment.html);
    expect(expected, 'temml rendered the formula').toBeDefined();
    expect(fragment.messages).toEqual([]);
    expect(mathOf(mainOf(page.html))).toBe(expected);
  });

  it('allows only inert inline styles on MathML', () => {
    for (const style of ['display:block math;', 'color:#ff0000;', 'padding-left:0em;padding-right:5.9776pt;', 'padding:3pt;border:1px solid;', 'math-depth:0;', 'position:absolute;right:0;bottom:0;']) {
      expect(safeMathStyle.test(style), style).toBe(true);
    }
    for (const style of ['background:url(x)', 'color:red;background-image:url(x)', 'width:expression(alert(1))', 'color:\\65 xpression', 'behavior:url(x.htc)', 'font-family:"x"', 'position:fixed', 'top:0;position:sticky']) {
      expect(safeMathStyle.test(style), style).toBe(false);
    }
  });
});
