// Command-line parsing driven by the flag table.
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { flags, type Command } from './flags.js';

export { UsageError };

const commands: readonly Command[] = ['build', 'watch', 'convert', 'formats', 'merge'];

export interface ParsedArgs {
  command: Command;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const first = argv[0];
  const command: Command = first && (commands as readonly string[]).includes(first) ? (first as Command) : 'build';
  const rest = command === first ? argv.slice(1) : argv;
  const options: Record<string, { type: 'boolean' | 'string'; short?: string }> = {};
  for (const flag of flags) {
    options[flag.name] = flag.short ? { type: flag.type, short: flag.short } : { type: flag.type };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  for (const name of Object.keys(parsed.values)) {
    const flag = flags.find((f) => f.name === name);
    if (flag && !flag.commands.includes(command)) throw new UsageError(`--${name} does not apply to "galley ${command}"`);
  }
  return { command, values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}
