/**
 * A small command-line parser: positional arguments, boolean flags and `--name value` (or
 * `--name=value`) options. Anything it does not know is a usage error that names the option.
 */
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ArgSpec {
  /** Options that take a value, e.g. ['format', 'profile']. */
  options: readonly string[];
  /** Options without a value, e.g. ['run']. */
  flags: readonly string[];
  /** Allowed values of an option, when it has a fixed set. */
  choices?: Record<string, readonly string[]>;
}

export function parseArgs(args: readonly string[], spec: ArgSpec): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      parsed.positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      parsed.positional.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    if (spec.flags.includes(name)) {
      if (equals !== -1) throw new UsageError(`--${name} takes no value`);
      parsed.flags.add(name);
    } else if (spec.options.includes(name)) {
      const value = equals !== -1 ? arg.slice(equals + 1) : args[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      const choices = spec.choices?.[name];
      if (choices && !choices.includes(value)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not "${value}"`);
      parsed.options.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return parsed;
}
