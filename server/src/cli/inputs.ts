/**
 * `sbg-task inputs APP_FILE [--format text|json]`: the app's input ports as the language service
 * sees them. APP_FILE is raw CWL (JSON or YAML) or an app as the API returns it, with `raw`.
 */
import { parseAppText, portsToJson } from '../service';
import type { PortJson } from '../service/cwl/portsJson';
import { parseArgs } from './args';
import { EXIT_FAILED, EXIT_OK, type CliIO } from './io';
import { readText } from './readText';

export async function inputsCommand(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { options: ['format'], flags: [], choices: { format: ['text', 'json'] } });
  if (parsed.positional.length !== 1) {
    io.stderr('sbg-task inputs: give exactly one app file. Usage: sbg-task inputs APP_FILE [--format text|json]\n');
    return EXIT_FAILED;
  }
  const file = parsed.positional[0];
  const read = await readText(file);
  if (read.kind === 'error') {
    io.stderr(`sbg-task inputs: ${read.message}\n`);
    return EXIT_FAILED;
  }
  let ports: PortJson[];
  try {
    ports = portsToJson(parseAppText(read.text));
  } catch (error) {
    io.stderr(`sbg-task inputs: ${file} is not an app this tool can read: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  }
  io.stdout(parsed.options.get('format') === 'json' ? `${JSON.stringify(ports, null, 2)}\n` : ports.map(toLine).join(''));
  return EXIT_OK;
}

/** `id: type, required|optional[, default: value][ - label]`, one port a line. */
function toLine(port: PortJson): string {
  const parts = [`${port.id}: ${port.type}`, port.required ? 'required' : 'optional'];
  if (port.default !== undefined) parts.push(`default: ${JSON.stringify(port.default)}`);
  if (port.fileTypes?.length) parts.push(`file types: ${port.fileTypes.join(', ')}`);
  return `${parts.join(', ')}${port.label ? ` - ${port.label}` : ''}\n`;
}
