// The one theme for every format, its units, and layout resolution.
export * from './layout.js';
export * from './theme.js';
export * from './units.js';
