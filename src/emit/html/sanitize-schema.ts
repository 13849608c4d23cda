// The sanitizer's allow-list for standalone pages: GitHub's (hast-util-
// sanitize's defaultSchema), extended only for what galley itself emits
// (highlighting, MathML, figures, the title block and table of contents,
// page breaks, embedded images) and narrowed to galley's URL policy.
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

type Attributes = NonNullable<Schema['attributes']>;
type AttributeDefinition = Attributes[string][number];

const aria = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy'];

/** highlight.js classes: `hljs-keyword`, and sub-scope parts such as `function_`. */
const hljsClass = /^(?:hljs-[\w-]+|[a-z][a-z0-9]*_+)$/;

/** Images may be embedded, but only as images (galley embeds png, jpeg, gif, webp, svg). */
const imageSource = /^(?!data:)|^data:image\/(?:png|jpeg|gif|webp|svg\+xml)[;,]/i;

/** MathML elements temml emits (plus the few other presentation elements of MathML Core). */
export const mathmlTagNames = [
  'math', 'semantics', 'annotation', 'mrow', 'mi', 'mo', 'mn', 'ms', 'mtext', 'mspace', 'msup', 'msub',
  'msubsup', 'mfrac', 'msqrt', 'mroot', 'mstyle', 'merror', 'mpadded', 'mphantom', 'munder', 'mover',
  'munderover', 'mtable', 'mtr', 'mtd', 'menclose', 'mmultiscripts', 'mprescripts', 'none', 'mlabeledtr',
];

const mathmlAttributeNames = [
  'display', 'xmlns', 'mathvariant', 'mathsize', 'mathcolor', 'mathbackground', 'stretchy', 'fence', 'form',
  'separator', 'lspace', 'rspace', 'accent', 'accentunder', 'columnalign', 'rowalign', 'rowspacing',
  'columnspacing', 'columnlines', 'rowlines', 'frame', 'linethickness', 'scriptlevel', 'displaystyle',
  'encoding', 'movablelimits', 'largeop', 'symmetric', 'minsize', 'maxsize', 'notation', 'width', 'height',
  'depth', 'voffset', 'linebreak', 'columnspan', 'rowspan', 'dir',
];

/**
 * temml writes a few inline styles (cell padding, colours, borders of boxed
 * expressions, `display: block math`). They are allowed on MathML only, and
 * only as plain declarations of known properties whose values have no
 * parentheses, quotes, backslashes or colons: no `url()`, no `expression()`,
 * no escapes, so a style can never load anything.
 */
const styleProperty =
  '(?:color|background-color|display|math-depth|math-style|font-weight|font-style|font-family|text-align|' +
  'justify-content|white-space|vertical-align|width|height|top|bottom|left|right|' +
  '(?:padding|margin|border)(?:-(?:top|right|bottom|left))?(?:-(?:width|style|color))?)';
// `position` only as temml uses it (\llap): never `fixed` or `sticky`.
// Values are words separated by single spaces, so that no two parts of the
// pattern compete for the same spaces (no catastrophic backtracking).
const value = '[-#.%\\w]+(?: [-#.%\\w]+)*';
const declaration = `\\s*(?:${styleProperty}\\s*:\\s*${value}|position\\s*:\\s*(?:relative|absolute))\\s*`;
export const safeMathStyle = new RegExp(`^(?:${declaration};)*(?:${declaration})?;?\\s*$`, 'i');

/** Classes temml puts on MathML (`tml-display`, `tml-jot`, `wbk-sml-acc`, `mathcal`…). */
const temmlClass = /^(?:tml-[\w-]+|wbk-[\w-]+|chr-[\w-]+|ff-[\w-]+|mathcal|mathscr|menclose|upstrike|downstrike|sout|actuarial|circle-pad|longdiv-[\w-]+|phasor-[\w-]+|textcircle|special-fraction)$/;

const mathmlAttributes: AttributeDefinition[] = [
  ...mathmlAttributeNames,
  ['className', temmlClass],
  ['style', safeMathStyle],
];

const attributes = defaultSchema.attributes as Attributes;

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // Ids stay unprefixed ("fn-1", heading ids): they are the link targets every
  // format shares. The prefix guards against DOM clobbering, which only
  // matters to scripts reading `window.x`; galley's pages run no script, and
  // the sanitizer removes every script a document brings.
  clobberPrefix: '',
  // These are removed with their content; other disallowed elements are
  // unwrapped (their text kept), which would show CSS or frame sources as text.
  strip: ['script', 'style', 'iframe', 'frame', 'frameset', 'noscript', 'noembed', 'noframes', 'template', 'object', 'embed', 'applet', 'xmp', 'title', 'textarea', 'select', 'option', 'svg'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'header', 'nav', 'mark', 'abbr', 'time', ...mathmlTagNames],
  attributes: {
    ...attributes,
    a: [...(attributes.a ?? [])],
    code: [['className', /^language-./, 'math-error']],
    span: [['className', hljsClass, 'missing-image', 'figure-label']],
    div: [...(attributes.div ?? []), ['className', 'page-break', 'math-display'], ['role', 'presentation']],
    header: [['className', 'title-block']],
    nav: [...aria, ['className', 'toc']],
    h1: [['className', 'title']],
    h2: [['className', 'sr-only', 'toc-title']],
    p: [['className', 'subtitle', 'author', 'date']],
    time: ['dateTime'],
    img: [...aria, 'longDesc', ['src', imageSource]],
    ...Object.fromEntries(mathmlTagNames.map((name) => [name, mathmlAttributes])),
  },
  protocols: {
    ...defaultSchema.protocols,
    // The same schemes the parse stage's URL policy allows in Markdown links,
    // so raw HTML cannot bring back what the policy removed (irc:, xmpp:…).
    href: ['http', 'https', 'mailto', 'tel'],
    // `data:` for embedded images only; `imageSource` checks the media type.
    src: ['http', 'https', 'data'],
  },
};
