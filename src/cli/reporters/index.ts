import { githubReporter } from './github.js';
import { humanReporter } from './human.js';
import { jsonReporter } from './json.js';
import type { Reporter, ReporterOptions } from './types.js';

export const reporters: Record<string, (options: ReporterOptions) => Reporter> = {
  human: humanReporter,
  json: jsonReporter,
  github: githubReporter,
};
