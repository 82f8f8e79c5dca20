/**
 * `sbg-task inputs APP_FILE [--format text|json]`: the app's input ports as the language service
 * sees them. APP_FILE is raw CWL (JSON or YAML) or an app as the API returns it, with `raw`;
 * `APP_FILE#ID` names one process of a packed document.
 */
import { portsToJson } from '../service';
import type { PortJson } from '../service/cwl/portsJson';
import { parseArgs } from './args';
import { EXIT_FAILED, EXIT_OK, type CliIO } from './io';
import { readAppFile } from './appFile';

export async function inputsCommand(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { options: ['format'], flags: [], choices: { format: ['text', 'json'] } });
  if (parsed.positional.length !== 1) {
    io.stderr('sbg-task inputs: give exactly one app file. Usage: sbg-task inputs APP_FILE [--format text|json]\n');
    return EXIT_FAILED;
  }
  const read = await readAppFile(parsed.positional[0]);
  if (read.kind === 'error') {
    io.stderr(`sbg-task inputs: ${read.message}\n`);
    return EXIT_FAILED;
  }
  const ports = portsToJson(read.model);
  io.stdout(parsed.options.get('format') === 'json' ? `${JSON.stringify(ports, null, 2)}\n` : ports.map(toLine).join(''));
  return EXIT_OK;
}

/** `id: type, required|optional[, default: value][ - label]`, one port a line. */
function toLine(port: PortJson): string {
  const parts = [`${port.id}: ${port.type}`, port.required ? 'required' : 'optional'];
  if (port.default !== undefined) parts.push(`default: ${JSON.stringify(port.default)}`);
  if (port.fileTypes?.length) parts.push(`file types: ${port.fileTypes.join(', ')}`);
  if (port.unchecked) parts.push(`not checked: ${port.unchecked}`);
  return `${parts.join(', ')}${port.label ? ` - ${port.label}` : ''}\n`;
}
