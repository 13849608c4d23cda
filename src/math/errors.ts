// Kept apart from the renderer so that code can catch a TexError without
// loading temml.

/** A TeX expression temml could not read; `reason` is one line for a message. */
export class TexError extends Error {
  constructor(
    readonly tex: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'TexError';
  }
}
