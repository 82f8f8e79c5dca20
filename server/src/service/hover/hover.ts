/**
 * Hover for task files: an input port (key or value under `inputs`) shows its label, type,
 * required, default, file types and description; a file id shows the file's name and size when
 * the wiring knows the file; every body key (and its value) shows its documentation.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { isFileId } from '../document/ids';
import { nodeAtOffset, pathOf, rangeOf, taskDocumentOf, type Node } from '../document/taskDocument';
import type { TaskContext } from '../providers';
import { schemaFor } from '../schema/schemaFor';
import { portValueAt } from '../schema/portPath';
import { formatSize } from '../formatSize';
import { typeToString } from '../cwl/typeNotation';
import type { AppModel } from '../cwl/model';
import { code, portMarkdown } from './portDoc';
import { batchSetting } from '../batch/batchSetting';
import { defaultBatchSentence } from '../diagnostics/batchPlanChecks';

export function hover(document: TextDocument, position: Position, context: TaskContext): Hover | null {
  try {
    const parsed = taskDocumentOf(document);
    const node = nodeAtOffset(parsed.root, document.offsetAt(position));
    if (!node || !node.parent) return null;
    const app = context.app?.state === 'ready' ? context.app.model : undefined;
    const property = node.parent.type === 'property' ? node.parent : undefined;
    const isKey = property?.children?.[0] === node;
    if (!isKey && !isScalar(node)) return null;
    const path = isKey ? [...pathOf(property!.parent!), node.value as string] : pathOf(node);
    const markdown = withBatchLine((!isKey && fileMarkdown(node, path, context)) || pathMarkdown(path, app), path, parsed.root, app);
    return markdown ? { contents: { kind: MarkupKind.Markdown, value: markdown }, range: rangeOf(parsed, node) } : null;
  } catch (error) {
    if (error instanceof RangeError) return null; // nested too deeply to walk
    throw error;
  }
}

/** On `app`: how the task will be batched when the app's default batching applies. */
function withBatchLine(markdown: string | undefined, path: (string | number)[], root: Node | undefined, app: AppModel | undefined): string | undefined {
  if (path.length !== 1 || path[0] !== 'app') return markdown;
  const setting = batchSetting(root, app);
  if (setting?.source !== 'app-default') return markdown;
  const line = `${defaultBatchSentence(setting)}. \`"batch": false\` runs it as one task.`;
  return markdown ? `${markdown}\n\n${line}` : line;
}

function isScalar(node: Node): boolean {
  return node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null';
}

/** A file id under `inputs`: its name and size, when the wiring knows the file. */
function fileMarkdown(node: Node, path: (string | number)[], context: TaskContext): string | undefined {
  if (path[0] !== 'inputs' || node.type !== 'string' || !isFileId(node.value) || !context.fileInfo) return undefined;
  const info = context.fileInfo(node.value);
  if (info === null) return `File ${code(node.value)}: not found on the platform, or not readable with this token.`;
  if (!info) return undefined;
  const facts = [typeof info.size === 'number' ? formatSize(info.size) : undefined, info.project ? `in ${code(info.project)}` : undefined];
  return [`**${info.name}**`, '', [`${info.type === 'folder' ? 'Folder' : 'File'} ${code(info.id)}`, ...facts.filter(Boolean)].join(' · ')].join('\n');
}

/** The port or schema documentation for a key or value at `path`. */
function pathMarkdown(path: (string | number)[], app: AppModel | undefined): string | undefined {
  if (path[0] === 'inputs' && path.length >= 2) {
    const value = portValueAt(app, path.slice(0, 2));
    if (!value) return undefined;
    if (path.length === 2) return portMarkdown(value.port);
    return nestedMarkdown(path, app) ?? portMarkdown(value.port);
  }
  const schema = schemaFor(app, path);
  const key = path[path.length - 1];
  if (!schema) return undefined;
  return typeof key === 'string' ? `**${code(key)}**\n\n${schema.doc}` : schema.doc;
}

/** A record field or a File object's key inside a port's value. */
function nestedMarkdown(path: (string | number)[], app: AppModel | undefined): string | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const parent = portValueAt(app, path.slice(0, -1));
  for (const type of parent?.types ?? []) {
    if (type.kind === 'record') {
      const field = type.fields.find((f) => f.id === key);
      if (field) return `**${code(field.id)}** (field of ${code(parent!.port.id)})\n\nType: ${code(typeToString(field.type))} · ${field.required ? 'required' : 'optional'}`;
    }
  }
  const schema = schemaFor(app, path);
  return schema ? `**${code(key)}**\n\n${schema.doc}` : undefined;
}
