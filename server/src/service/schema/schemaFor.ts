/**
 * The schema of any value in a task body: the body schema's own keys, and under `inputs` the
 * File and Directory objects of the app's file ports. Completion and hover both read it.
 */
import type { JSONPath } from 'jsonc-parser';
import type { AppModel } from '../cwl/model';
import { ownValue } from '../json/ownProperty';
import { directoryObjectSchema, fileObjectSchema, schemaAtPath, type ValueSchema } from './bodySchema';
import { portValueAt } from './portPath';

/** The schema of the object or value at `path`: the body schema, or a File/Directory object under `inputs`. */
export function schemaFor(app: AppModel | undefined, path: JSONPath): ValueSchema | undefined {
  if (path[0] !== 'inputs') return schemaAtPath(path);
  const objectSchema = fileSchemaAt(app, path);
  if (objectSchema) return objectSchema;
  const last = path[path.length - 1];
  return typeof last === 'string' && path.length > 2 ? ownValue(fileSchemaAt(app, path.slice(0, -1))?.properties, last) : undefined;
}

function fileSchemaAt(app: AppModel | undefined, path: JSONPath): ValueSchema | undefined {
  const types = portValueAt(app, path)?.types ?? [];
  if (types.some((t) => t.kind === 'File')) return fileObjectSchema;
  if (types.some((t) => t.kind === 'Directory')) return directoryObjectSchema;
  return undefined;
}
