// GitHub Actions workflow commands: each message becomes an annotation on the
// pull request (`::warning file=…,line=…,col=…,title=…::message`).
import type { MessageRecord } from '../../build/report.js';
import { progressView } from './progress.js';
import type { Reporter, ReporterOptions } from './types.js';

const commands = { error: 'error', warning: 'warning', info: 'notice' } as const;

function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

export function githubAnnotation(path: string, message: MessageRecord): string {
  const properties = [`file=${escapeProperty(path)}`];
  if (message.line !== null) properties.push(`line=${message.line}`);
  if (message.column !== null) properties.push(`col=${message.column}`);
  if (message.ruleId) properties.push(`title=${escapeProperty(`galley ${message.ruleId}`)}`);
  return `::${commands[message.severity]} ${properties.join(',')}::${escapeData(message.message)}`;
}

export function githubReporter(options: ReporterOptions): Reporter {
  const view = progressView(options, { plain: true });
  return {
    progress: (progress) => view.update(progress),
    document(report) {
      for (const message of report.messages) {
        if (options.quiet && message.severity !== 'error') continue;
        options.stdout.write(githubAnnotation(report.path, message) + '\n');
      }
    },
    end(report) {
      const { converted, documents, failed } = report.summary;
      if (!options.quiet) options.stdout.write(`galley: ${converted} of ${documents} converted, ${failed} failed\n`);
    },
  };
}
