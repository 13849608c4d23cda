// Emitter options: defaults with the given options on top, where an
// `undefined` value keeps the default (so `{css: undefined}` is no override).
export function withDefaults<T extends object>(defaults: T, options: Partial<T> | undefined): T {
  const resolved = { ...defaults };
  for (const [key, value] of Object.entries(options ?? {})) {
    if (value !== undefined) (resolved as Record<string, unknown>)[key] = value;
  }
  return resolved;
}
