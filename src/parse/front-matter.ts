// Front matter: YAML only, parsed with the `yaml` package's core schema
// (no custom tags, no code), alias and size caps, plain objects out.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { parseDocument } from 'yaml';
import type { Limits } from '../limits.js';

const maxDepth = 20;
const maxAliases = 50;

/** `---js`, `---coffee`, `---yaml`…: a fence with a language is refused. */
const fenceWithLanguage = /^---[ \t]*([A-Za-z][\w-]*)[ \t]*$/;

/** Fails the file when its front matter fence names a language. */
export function refuseNonYamlFence(text: string, file: VFile): void {
  const newline = text.indexOf('\n');
  const firstLine = newline === -1 ? text : text.slice(0, newline);
  const match = fenceWithLanguage.exec(firstLine);
  if (!match) return;
  const language = match[1] as string;
  const reason = /^ya?ml$/i.test(language)
    ? `front matter fence "---${language}": write a plain "---" line for YAML`
    : `front matter in "${language}" is refused: only YAML front matter is supported, and it is never evaluated`;
  file.fail(reason, { place: { line: 1, column: 1 }, ruleId: 'front-matter-language', source: 'galley' });
}

/**
 * Parses the YAML block remark-frontmatter found, if any. Returns `null` when
 * the block is valid YAML but not a mapping (`---`, a list, `---`; or a
 * setext heading under a rule): that is Markdown, not front matter. So is a
 * block that is not valid YAML when a blank line follows its opening `---`
 * (pandoc's rule): a document that starts with a rule and has another one
 * further down is not an error.
 */
export function readFrontMatter(tree: Root, file: VFile, limits: Limits): Record<string, unknown> | null {
  const node = tree.children[0];
  if (!node || node.type !== 'yaml') return {};
  if (node.value.trim() === '') return {};
  const startLine = (node.position?.start.line ?? 1) + 1;
  const fail = (reason: string, line = 0, column = 1): never =>
    file.fail(reason, { place: { line: startLine + line, column }, ruleId: 'front-matter', source: 'galley' });

  if (Buffer.byteLength(node.value) > limits.maxFrontMatterBytes) {
    fail(`front matter is larger than ${limits.maxFrontMatterBytes} bytes`);
  }
  const doc = parseDocument(node.value, {
    schema: 'core',
    customTags: [],
    uniqueKeys: true,
    prettyErrors: true,
    strict: true,
  });
  const problem = doc.errors[0] ?? doc.warnings[0];
  const blankAfterFence = /^[ \t]*\r?\n/.test(node.value);
  if (problem && blankAfterFence) return null;
  if (problem) {
    const at = problem.linePos?.[0];
    fail(`invalid front matter: ${firstLineOf(problem.message)}`, (at?.line ?? 1) - 1, at?.col ?? 1);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: maxAliases });
  } catch (error) {
    fail(`invalid front matter: ${(error as Error).message}`);
  }
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return null;
  if (depthOf(value) > maxDepth) fail(`front matter is nested deeper than ${maxDepth} levels`);
  return value as Record<string, unknown>;
}

function firstLineOf(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (depth > maxDepth) break;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}
