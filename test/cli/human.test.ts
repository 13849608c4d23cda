// The human reporter folds repeats: at most ten messages of one rule per
// document, then one line with how many more (the JSON report keeps them all).
import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../src/build/report.js';
import { foldMessages, formatMessage, shownPerRule } from '../../src/cli/reporters/human.js';

const message = (ruleId: string, line: number, severity: MessageRecord['severity'] = 'warning'): MessageRecord => ({
  severity, message: `problem on line ${line}`, line, column: 1, ruleId, source: 'galley',
});

describe('folding repeated messages', () => {
  it('shows ten of a rule, then counts the rest in one line, in document order', () => {
    const messages = [
      ...Array.from({ length: 25 }, (_, i) => message('unused-footnote', i + 1)),
      message('unsafe-url', 30),
      message('unused-footnote', 31, 'error'),
    ];
    const lines = foldMessages(messages).map((m) => formatMessage('doc.md', m));
    expect(lines).toHaveLength(shownPerRule + 1 + 2);
    expect(lines[9]).toBe('doc.md:10:1: warning problem on line 10 [unused-footnote]');
    expect(lines[10]).toBe('doc.md: warning 15 more like these [unused-footnote]');
    expect(lines.slice(11)).toEqual([
      'doc.md:30:1: warning problem on line 30 [unsafe-url]',
      'doc.md:31:1: error problem on line 31 [unused-footnote]',
    ]);
  });

  it('adds nothing at exactly ten, and says "one" for eleven', () => {
    const ten = Array.from({ length: 10 }, (_, i) => message('r', i + 1));
    expect(foldMessages(ten)).toEqual(ten);
    const eleven = foldMessages([...ten, message('r', 11)]);
    expect(eleven.at(-1)?.message).toBe('1 more like this one');
    expect(eleven).toHaveLength(11);
  });
});
