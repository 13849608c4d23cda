// Kept equal to package.json's version (a test checks it); goes into every
// output's generator field and, later, cache keys.
export const version = '0.1.0';
