import { describe, expect, it } from 'vitest';
import { parseFailure, parseMarkdown } from '../helpers/parse.js';

describe('limits', () => {
  it('refuses content nested deeper than the limit with a named error', () => {
    const failure = parseFailure('>'.repeat(100) + ' deep');
    expect(failure.ruleId).toBe('nesting-depth');
    expect(failure.reason).toBe('content is nested more than 64 levels deep');
  });

  it.each([
    ['block quotes on one line', '> '.repeat(20_000) + 'x'],
    ['block quotes on many lines', Array.from({ length: 1000 }, (_, i) => '>'.repeat(i + 1) + ' x').join('\n')],
    ['nested list items', Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + '- x').join('\n')],
    ['list markers on one line', '- '.repeat(5000) + 'x'],
    ['emphasis markers', '*'.repeat(20_000) + 'a' + '*'.repeat(20_000)],
  ])('refuses pathological nesting (%s) before the parser spends minutes on it', (_, markdown) => {
    const failure = parseFailure(markdown);
    expect(failure.ruleId).toBe('nesting-depth');
    expect(failure.line).toBeGreaterThan(0);
  });

  it('does not mistake thematic breaks or long code lines for nesting', () => {
    const markdown = '*'.repeat(300) + '\n\n' + '_ '.repeat(300) + '\n\n```\n' + '='.repeat(500) + '\n```';
    expect(parseMarkdown(markdown).tree.children.map((n) => n.type)).toEqual(['thematicBreak', 'thematicBreak', 'code']);
  });

  it('accepts nesting within the limit', () => {
    expect(() => parseMarkdown('>'.repeat(20) + ' fine')).not.toThrow();
  });

  it('refuses a table with too many cells', () => {
    const row = '|' + ' x |'.repeat(10);
    const table = [row, '|' + ' - |'.repeat(10), ...Array(20).fill(row)].join('\n');
    const failure = parseFailure(table, { limits: { maxTableCells: 100 } });
    expect(failure.ruleId).toBe('table-cells');
    expect(failure.reason).toBe('table has 210 cells, over the 100-cell limit');
    expect(failure.line).toBe(1);
  });

  it('refuses a document over the size limit', () => {
    const failure = parseFailure('x'.repeat(2000), { limits: { maxFileBytes: 1000 } });
    expect(failure.ruleId).toBe('file-size');
  });
});
