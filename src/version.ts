// Kept equal to package.json's version (a test checks it); goes into every
// output's generator field and into cache keys (with `build`, below).
export const version = '0.1.0';

/** Replaced by scripts/bundle.mjs with a digest of the sources it bundled. */
declare const GALLEY_BUILD: string | undefined;

/**
 * Which build of this version is running: a digest of galley's sources,
 * lockfile and patches when the command line was bundled, undefined when
 * running from tsc's output or the sources. It goes into cache keys, so a
 * rebuilt galley of the same version never reuses another build's outputs.
 */
export const build: string | undefined = typeof GALLEY_BUILD === 'string' ? GALLEY_BUILD : undefined;
