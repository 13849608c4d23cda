// The shared highlighter: hast for HTML, scoped token lines for PDF and DOCX.
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { scopeSelector } from '../../src/emit/html/css.js';
import { grammarFor, highlight, highlightLines } from '../../src/highlight/index.js';
import { scopeOfClasses } from '../../src/highlight/lines.js';
import { defaultTheme, scopeStyle } from '../../src/theme/theme.js';

const spans = (tree: Root | undefined): string[][] => {
  const found: string[][] = [];
  const walk = (nodes: Root['children']) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      found.push((node as Element).properties.className as string[]);
      walk(node.children);
    }
  };
  if (tree) walk(tree.children);
  return found;
};

describe('highlight', () => {
  it('returns hast with hljs classes for a known language', () => {
    const tree = highlight('const answer = 42; // why', 'ts');
    expect(tree?.type).toBe('root');
    expect(spans(tree)).toEqual([['hljs-keyword'], ['hljs-number'], ['hljs-comment']]);
  });

  it('accepts common aliases and pandoc-style classes', () => {
    expect(grammarFor('ts')).toBe('typescript');
    expect(grammarFor('Dockerfile')).toBe('dockerfile');
    for (const alias of ['ts', 'js', 'sh', 'yml', 'py', 'json', 'html', 'bash', 'TypeScript', '{.python}', 'node']) {
      expect(grammarFor(alias), alias).toBeDefined();
    }
    expect(spans(highlight('echo "$HOME"', 'sh')).flat()).toContain('hljs-string');
    expect(spans(highlight('key: value\nn: 3', 'yml')).flat()).toEqual(expect.arrayContaining(['hljs-attr', 'hljs-number']));
  });

  it('returns undefined for unknown, plain or absent languages', () => {
    for (const lang of ['klingon', 'text', 'plaintext', '', undefined, null]) expect(highlight('x = 1', lang), String(lang)).toBeUndefined();
  });
});

describe('highlightLines', () => {
  const code = 'function greet(name) {\n  return "hi " + name; // say it\n}\n\nclass A extends B {}';

  it('keeps every character, line by line', () => {
    const lines = highlightLines(code, 'js');
    expect(lines.map((line) => line.map((token) => token.text).join(''))).toEqual(code.split('\n'));
  });

  it('names the scopes of tokens the way the theme keys them', () => {
    const tokens = highlightLines(code, 'js').flat();
    const scopeOf = (text: string) => tokens.find((token) => token.text === text)?.scope;
    expect(scopeOf('function')).toBe('keyword');
    expect(scopeOf('greet')).toBe('title.function');
    expect(scopeOf('"hi "')).toBe('string');
    expect(scopeOf('// say it')).toBe('comment');
    expect(scopeOf('A')).toBe('title.class');
    expect(scopeOf('B')).toBe('title.class.inherited');
    expect(tokens.find((token) => token.text.startsWith(' +'))?.scope).toBeUndefined();
    expect(highlightLines('let n = 42', 'ts')[0]).toContainEqual({ text: '42', scope: 'number' });
  });

  it('gives plain lines for unknown languages', () => {
    expect(highlightLines('a\n\nb', 'klingon')).toEqual([[{ text: 'a' }], [], [{ text: 'b' }]]);
    expect(highlightLines('x', undefined)).toEqual([[{ text: 'x' }]]);
  });

  it('reads sub-scopes back from highlight.js class names', () => {
    expect(scopeOfClasses(['hljs-title', 'function_'])).toBe('title.function');
    expect(scopeOfClasses(['inherited__', 'hljs-title', 'class_'])).toBe('title.class.inherited');
    expect(scopeOfClasses(['language-js'])).toBeUndefined();
  });
});

describe('one palette for every format', () => {
  it('colours the scopes code commonly has', () => {
    for (const scope of ['keyword', 'string', 'comment', 'number', 'title.function', 'title.class', 'built_in', 'attr', 'literal', 'meta']) {
      expect(scopeStyle(defaultTheme, scope)?.color, scope).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(scopeStyle(defaultTheme, 'title.function.invoke')).toBe(defaultTheme.syntax['title.function']);
    expect(scopeStyle(defaultTheme, 'params')).toBeUndefined();
  });

  it('writes CSS selectors that match the classes highlight.js writes', () => {
    // The selector for a scope, turned back into classes, names the same scope.
    for (const scope of Object.keys(defaultTheme.syntax)) {
      const classes = scopeSelector(scope).split('.').filter(Boolean);
      expect(scopeOfClasses(classes), scope).toBe(scope);
    }
    expect(scopeSelector('title.function')).toBe('.hljs-title.function_');
  });
});
