/**
 * The Markdown that describes an input port, shown by hover and in completion items: label,
 * type in the CLI's notation, required or not, default, tool default, file types, description.
 */
import type { InputPort } from '../cwl/model';
import { typeToString } from '../cwl/typeNotation';

/** Code span that survives backticks inside the text. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}

export function portMarkdown(port: InputPort): string {
  const lines: string[] = [];
  lines.push(port.label ? `**${port.label}** ${code(port.id)}` : `**${code(port.id)}**`);
  lines.push('');
  const facts = [`Type: ${code(typeToString(port.type))}`, port.required ? 'required' : 'optional'];
  lines.push(facts.join(' · '));
  if (port.default !== undefined) lines.push('', `Default: ${code(JSON.stringify(port.default))}`);
  if (port.toolDefault !== undefined) lines.push('', `Tool default (when left out): ${code(port.toolDefault)}`);
  if (port.fileTypes?.length) lines.push('', `File types: ${port.fileTypes.join(', ')}`);
  if (port.description) lines.push('', port.description.trim());
  return lines.join('\n');
}
