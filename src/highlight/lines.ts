// Flattens lowlight's hast into lines of scoped tokens for formats that draw
// runs of text (PDF, DOCX) rather than nested elements.
import type { ElementContent, Root } from 'hast';

export interface Token {
  text: string;
  /** highlight.js scope such as `keyword` or `title.function`; absent for plain text. */
  scope?: string;
}

export type TokenLine = Token[];

/**
 * The scope a span's classes stand for. highlight.js writes the scope
 * `title.function` as `hljs-title function_` (each deeper part gets one more
 * underscore), so the parts are put back in order of their underscores.
 */
export function scopeOfClasses(classes: readonly unknown[]): string | undefined {
  let head: string | undefined;
  const rest: Array<[number, string]> = [];
  for (const value of classes) {
    const name = String(value);
    if (name.startsWith('hljs-')) head ??= name.slice(5);
    else {
      const match = /^(.+?)(_+)$/.exec(name);
      if (match) rest.push([(match[2] as string).length, match[1] as string]);
    }
  }
  if (!head) return undefined;
  rest.sort((a, b) => a[0] - b[0]);
  return [head, ...rest.map(([, part]) => part)].join('.');
}

export function tokenLines(tree: Root): TokenLine[] {
  const lines: TokenLine[] = [[]];
  const push = (text: string, scope: string | undefined) => {
    const parts = text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part === '') return;
      const line = lines[lines.length - 1] as TokenLine;
      const last = line.at(-1);
      // Adjacent runs of one scope merge, so a consumer draws fewer runs.
      if (last && last.scope === scope) last.text += part;
      else line.push(scope === undefined ? { text: part } : { text: part, scope });
    });
  };
  const walk = (nodes: readonly ElementContent[], scope: string | undefined) => {
    for (const node of nodes) {
      if (node.type === 'text') push(node.value, scope);
      else if (node.type === 'element') {
        const className = node.properties.className;
        const own = Array.isArray(className) ? scopeOfClasses(className) : undefined;
        walk(node.children, own ?? scope);
      }
    }
  };
  walk(tree.children as ElementContent[], undefined);
  return lines;
}
