// `--help`, generated from the flag table.
import { version } from '../version.js';
import { flags, type Command } from './flags.js';

const usage: Record<Command, string> = {
  build: 'galley build [FILE|DIR…] [options]   convert files and folders (default: input/ → output/)',
  watch: 'galley watch [FILE|DIR…] [options]   build, then rebuild what changes (= build --watch)',
  convert: 'galley convert FILE|- [options]       convert one document to standard output or -o FILE',
  formats: 'galley formats                        list the output formats',
  merge: 'galley merge [DIR]                    join the shard manifests in DIR (default: output)',
};

export function helpText(formats: readonly string[], command?: Command): string {
  const shown = flags.filter((flag) => !command || flag.commands.includes(command));
  const left = shown.map((flag) => {
    const names = `${flag.short ? `-${flag.short}, ` : '    '}--${flag.name}`;
    return flag.value ? `${names} ${flag.value}` : names;
  });
  const width = Math.max(...left.map((l) => l.length)) + 2;
  const options = shown.map((flag, i) => {
    const where = command || flag.commands.length === 5 ? '' : `  [${flag.commands.join(', ')}]`;
    return `  ${(left[i] as string).padEnd(width)}${flag.description}${where}`;
  });
  const commands = command ? [usage[command]] : Object.values(usage);
  return [
    `galley ${version}: Markdown to ${formats.join(', ')}, from one syntax tree`,
    '',
    'Usage:',
    ...commands.map((c) => `  ${c}`),
    '',
    'Options:',
    ...options,
    '',
    'Settings come from, weakest first: built-in defaults, the config file, the',
    "document's front matter, then flags. SOURCE_DATE_EPOCH pins output dates.",
    '',
    'Exit codes: 0 success; 1 a document failed (or warnings with',
    '--fail-on-warnings); 2 usage or configuration error.',
    '',
  ].join('\n');
}
