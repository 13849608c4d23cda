// Typography by language: smart quotes, dashes and ellipses (retext-smartypants),
// and French spacing (no-break spaces before `: ; ! ?` and inside « »), so no
// line ever starts with `»` or `:`.
import type { Nodes, Parents, Root, Text } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { SKIP, walk } from './walk.js';
import { primarySubtag } from './language.js';

const NBSP = '\u00A0';
/** Narrow no-break space: French typography's fine space before ; ! ? and inside « ». */
const NNBSP = '\u202F';

/** Opening and closing double quotes by primary language subtag (CLDR). */
const doubleQuotes: Record<string, [string, string]> = {
  fr: ['«', '»'], es: ['«', '»'], it: ['«', '»'], pt: ['«', '»'], ru: ['«', '»'], uk: ['«', '»'],
  be: ['«', '»'], ca: ['«', '»'], el: ['«', '»'], no: ['«', '»'], nb: ['«', '»'], nn: ['«', '»'],
  de: ['„', '“'], cs: ['„', '“'], sk: ['„', '“'], sl: ['„', '“'], bg: ['„', '“'], lt: ['„', '“'],
  is: ['„', '“'], et: ['„', '“'], lv: ['„', '“'], pl: ['„', '”'], ro: ['„', '”'], hu: ['„', '”'],
  hr: ['„', '”'], sr: ['„', '”'], nl: ['“', '”'], sv: ['”', '”'], fi: ['”', '”'], da: ['“', '”'],
  ja: ['「', '」'], zh: ['“', '”'], he: ['”', '”'],
};

// Single quotes stay English in every language: in most documents a straight
// single quote is an apostrophe, which must always be ’.
const singleQuotes = { open: '‘', close: '’' };


/** Blocks whose phrasing content is one run of prose. */
const proseBlocks = new Set(['paragraph', 'heading', 'tableCell']);

/** Runs when the `smart` option is on (the default). */
export function applyTypography(tree: Root, lang: string): void {
  const language = primarySubtag(lang);
  const french = language === 'fr';
  const [open, close] = doubleQuotes[language] ?? ['“', '”'];
  const quotes = retext().use(retextSmartypants, {
    backticks: false,
    dashes: false,
    ellipses: false,
    openingQuotes: { double: open, single: singleQuotes.open },
    closingQuotes: { double: close, single: singleQuotes.close },
  });
  const dashesAndEllipses = retext().use(retextSmartypants, { quotes: false, backticks: false, dashes: 'oldschool' });

  walk(tree, (node) => {
    if (!proseBlocks.has(node.type)) return undefined;
    const texts = textsOf(node as Parents);
    smartenQuotes(texts, quotes);
    for (const text of texts.nodes) {
      if (/--|\.\s?\.\s?\./.test(text.value)) text.value = String(dashesAndEllipses.processSync(text.value));
      if (french) text.value = frenchSpacing(text.value);
    }
    return SKIP;
  });
}

interface BlockTexts {
  /** Text nodes, in reading order. */
  nodes: Text[];
  /** The block's prose, with other literals (code, math, HTML) as same-length placeholders. */
  joined: string;
  /** Offset of each text node in `joined`. */
  offsets: number[];
}

function textsOf(block: Parents): BlockTexts {
  const result: BlockTexts = { nodes: [], joined: '', offsets: [] };
  const stack: Nodes[] = [...block.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'text') {
      result.nodes.push(node);
      result.offsets.push(result.joined.length);
      result.joined += node.value;
    } else if ('value' in node && typeof node.value === 'string') {
      result.joined += 'A'.repeat(node.value.length);
    } else if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
  return result;
}

// Quotes pair across inline marks ("*so*"), so the whole block is processed at
// once; every quote mark is one character, so offsets still match after.
function smartenQuotes(texts: BlockTexts, processor: { processSync(value: string): unknown }): void {
  if (!/["']/.test(texts.joined)) return;
  const smart = String(processor.processSync(texts.joined));
  texts.nodes.forEach((node, i) => {
    const start = texts.offsets[i] as number;
    node.value = smart.slice(start, start + node.value.length);
  });
}

/** French spacing inside one text node. */
export function frenchSpacing(value: string): string {
  return value
    .replace(/[ \u00A0\u202F]+([;!?»])/g, `${NNBSP}$1`)
    .replace(/[ \u00A0\u202F]+:/g, `${NBSP}:`)
    .replace(/«[ \u00A0\u202F]*/g, `«${NNBSP}`)
    .replace(/([^\s\u00A0\u202F])»/g, `$1${NNBSP}»`)
    .replace(/^»/, `${NNBSP}»`);
}
