/**
 * What a path under `inputs` points at: the port, and the types the value there may have.
 * `inputs.reads[0]` of a `File[]` port is a `File`; `inputs.opts.k` of a record port is the type
 * of field `k`; a union keeps every member that fits the path.
 */
import type { JSONPath } from 'jsonc-parser';
import type { AppModel, InputPort, PortType } from '../cwl/model';

export interface PortValue {
  port: InputPort;
  /** The possible types of the value at the path (empty when the path leaves the port's type). */
  types: PortType[];
}

/** Every non-union type a value of `type` may have. */
export function alternatives(type: PortType): PortType[] {
  return type.kind === 'union' ? type.members.flatMap(alternatives) : [type];
}

/** The port and value types at `path` (a path from the body's root starting with `inputs`). */
export function portValueAt(app: AppModel | undefined, path: JSONPath): PortValue | undefined {
  if (!app || path[0] !== 'inputs' || typeof path[1] !== 'string') return undefined;
  const port = app.inputs.find((p) => p.id === path[1]);
  if (!port) return undefined;
  let types = alternatives(port.type);
  for (const segment of path.slice(2)) {
    types = types.flatMap((type) => {
      if (typeof segment === 'number') return type.kind === 'array' ? alternatives(type.items) : [];
      if (type.kind === 'record') {
        const field = type.fields.find((f) => f.id === segment);
        return field ? alternatives(field.type) : [];
      }
      return [];
    });
  }
  return { port, types };
}
