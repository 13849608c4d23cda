import type { BuildReport, DocumentReport } from '../../build/report.js';

export interface Reporter {
  /** After each document, in order. */
  document(report: DocumentReport): void;
  /** Once, at the end of a build. */
  end(report: BuildReport, seconds: number): void;
}

export interface ReporterOptions {
  quiet: boolean;
  /** Write to standard error (diagnostics) … */
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** … and standard output (machine-readable reports). */
  stdout: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}
