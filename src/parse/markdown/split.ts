// Where a large document may be cut into pieces that parse alone exactly as
// they would in the whole: before an ATX heading at column 0 that follows a
// blank line, outside front matter, fenced code, math and HTML blocks. Such a
// heading closes every open container (block quote, list, footnote) in
// CommonMark, so nothing before it can continue after it.
//
// The scan is a heuristic: it can be fooled by constructs nested in
// containers. `parseInPieces` checks each cut after parsing (see there), so a
// wrong guess costs a re-parse, never a wrong tree.

const fenceOpen = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const mathOpen = /^ {0,3}(\${2,})/;
const htmlOpeners: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const atxHeading = /^#{1,6}(?:[ \t]|$)/;
const blank = /^[ \t]*$/;

/** Offsets at which a new piece may start, at least `minimumSize` characters apart. */
export function cutPoints(text: string, minimumSize: number): number[] {
  const cuts: number[] = [];
  let pieceStart = 0;
  let previousBlank = false;
  let closer: ((line: string) => boolean) | undefined = frontMatterCloser(text);
  let start = closer ? text.indexOf('\n') + 1 : 0;
  if (closer && start === 0) return cuts;

  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if (closer) {
      if (closer(line)) closer = undefined;
    } else {
      if (previousBlank && atxHeading.test(line) && start - pieceStart >= minimumSize) {
        cuts.push(start);
        pieceStart = start;
      }
      closer = opens(line);
    }
    previousBlank = blank.test(line);
    start = end + 1;
  }
  return cuts;
}

function frontMatterCloser(text: string): ((line: string) => boolean) | undefined {
  return /^---[ \t]*(?:\n|$)/.test(text) ? (line) => /^---[ \t]*$/.test(line) : undefined;
}

/** The test for the line that closes a block this line opens, if it opens one. */
function opens(line: string): ((line: string) => boolean) | undefined {
  const fence = fenceOpen.exec(line);
  if (fence && !(fence[1]!.startsWith('`') && fence[2]!.includes('`'))) {
    const marker = fence[1] as string;
    const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
    return (next) => closing.test(next);
  }
  const math = mathOpen.exec(line);
  if (math) {
    const closing = new RegExp(`^ {0,3}\\\${${math[1]!.length},}[ \\t]*$`);
    return (next) => closing.test(next);
  }
  for (const [opener, end] of htmlOpeners) {
    const match = opener.exec(line);
    if (!match) continue;
    if (end.test(line.slice(match[0].length))) return undefined;
    return (next) => end.test(next);
  }
  return undefined;
}
