// Dates written into outputs: SOURCE_DATE_EPOCH (reproducible builds) when
// set, else now. https://reproducible-builds.org/specs/source-date-epoch/
export function outputDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d+$/.test(epoch)) throw new RangeError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}"`);
  return new Date(Number(epoch) * 1000);
}
