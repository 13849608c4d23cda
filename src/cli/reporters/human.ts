// Diagnostics for people: `path:line:col: severity message [rule]`, one per
// line (editors and terminals make them clickable), at most ten of one rule
// per document, then a summary.
// Colour only on a terminal, never with NO_COLOR.
import type { MessageRecord } from '../../build/report.js';
import { progressView } from './progress.js';
import type { Reporter, ReporterOptions } from './types.js';

const colours = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', reset: '\x1b[0m', dim: '\x1b[2m' };

export function useColour(options: ReporterOptions): boolean {
  return Boolean(options.stderr.isTTY) && !('NO_COLOR' in options.env && options.env.NO_COLOR !== '');
}

export function formatMessage(path: string, message: MessageRecord, colour = false): string {
  const place = message.line === null ? path : `${path}:${message.line}:${message.column ?? 1}`;
  const severity = colour ? `${colours[message.severity]}${message.severity}${colours.reset}` : message.severity;
  const rule = message.ruleId ? ` [${message.ruleId}]` : '';
  return `${place}: ${severity} ${message.message.replace(/\s*\n\s*/g, ' ')}${colour ? colours.dim : ''}${rule}${colour ? colours.reset : ''}`;
}

/** Messages of one rule shown per document; the rest are counted in one line (the JSON report keeps them all). */
export const shownPerRule = 10;

/**
 * The messages to print for one document: past `shownPerRule` of one rule and
 * severity, the others become one line saying how many more there are, so a
 * document with 20,000 unused footnotes does not flood the terminal.
 */
export function foldMessages(messages: readonly MessageRecord[]): MessageRecord[] {
  const seen = new Map<string, number>();
  for (const message of messages) {
    const key = `${message.severity} ${message.ruleId ?? ''}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const shown: MessageRecord[] = [];
  const printed = new Map<string, number>();
  for (const message of messages) {
    const key = `${message.severity} ${message.ruleId ?? ''}`;
    const count = (printed.get(key) ?? 0) + 1;
    printed.set(key, count);
    if (count <= shownPerRule) shown.push(message);
    if (count === shownPerRule && (seen.get(key) as number) > shownPerRule) {
      const more = (seen.get(key) as number) - shownPerRule;
      shown.push({ ...message, line: null, column: null, message: `${more} more like ${more === 1 ? 'this one' : 'these'}` });
    }
  }
  return shown;
}

export function humanReporter(options: ReporterOptions): Reporter {
  const colour = useColour(options);
  const view = progressView(options);
  return {
    document(report) {
      for (const message of foldMessages(report.messages)) {
        if (options.quiet && message.severity !== 'error') continue;
        view.clear();
        options.stderr.write(formatMessage(report.path, message, colour) + '\n');
      }
    },
    progress: (progress) => view.update(progress),
    end(report, seconds) {
      view.end();
      if (options.quiet) return;
      const { documents, converted, cached, failed, outputs, warnings } = report.summary;
      const parts = [
        `${converted} of ${documents} document${documents === 1 ? '' : 's'} converted`,
        `${outputs} file${outputs === 1 ? '' : 's'} ${cached ? 'in' : 'written to'} ${report.out}`,
      ];
      if (cached) parts.push(`${cached} unchanged`);
      if (failed) parts.push(`${failed} failed`);
      if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
      options.stderr.write(`galley: ${parts.join(', ')} (${seconds.toFixed(2)} s)\n`);
    },
  };
}
