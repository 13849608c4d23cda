// The whole build report as one JSON document on standard output.
import type { Reporter, ReporterOptions } from './types.js';

export function jsonReporter(options: ReporterOptions): Reporter {
  return {
    document() {},
    end(report) {
      options.stdout.write(JSON.stringify(report, null, 2) + '\n');
    },
  };
}
