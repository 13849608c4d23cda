import type { BuildProgress } from '../../build/index.js';
import type { BuildReport, DocumentReport } from '../../build/report.js';

export interface Reporter {
  /** After each document, in order. */
  document(report: DocumentReport): void;
  /** When a document starts or finishes, in any order. */
  progress?(progress: BuildProgress): void;
  /** Once, at the end of a build. */
  end(report: BuildReport, seconds: number): void;
}

export interface ReporterOptions {
  quiet: boolean;
  /** Show progress (a bar on a terminal, lines elsewhere); never with quiet. */
  progress?: boolean;
  /** Write to standard error (diagnostics) … */
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** … and standard output (machine-readable reports). */
  stdout: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}
