/**
 * The one small model of an app's input ports that every feature reads (docs/ARCHITECTURE.md, "Main decisions").
 * It is derived from the app's raw CWL (sbg:draft-2 or CWL v1.x, JSON or YAML) by
 * `parseApp.ts`; nothing else in the service looks at raw CWL.
 */

/**
 * A CWL type, normalised: no `null` members inside unions (nullability is `InputPort.required`).
 * A named enum or record (SchemaDefRequirement, or `name` on the type) keeps its short name, and
 * every reference to it is the same object: types form a graph, not a tree, so anything that
 * walks them must not expand a shared type once per reference (typeNotation.ts).
 */
export type PortType =
  | { kind: 'File' }
  | { kind: 'Directory' }
  | { kind: 'string' }
  | { kind: 'int' }
  | { kind: 'long' }
  | { kind: 'float' }
  | { kind: 'double' }
  | { kind: 'boolean' }
  // CWL `Any` (never flagged), or a type defined somewhere the reader could not follow: then
  // `unresolved` says why, and a value given for it gets an information, not silence (issue 12 §3).
  | { kind: 'any'; unresolved?: string }
  | { kind: 'enum'; symbols: string[]; name?: string }
  | { kind: 'array'; items: PortType; itemsNullable?: boolean }
  | { kind: 'record'; fields: RecordField[]; name?: string }
  | { kind: 'union'; members: PortType[] };

export interface RecordField {
  id: string;
  type: PortType;
  required: boolean;
}

export interface InputPort {
  /** The key a task body uses under `inputs`: no leading `#`. */
  id: string;
  type: PortType;
  /** Not nullable and no CWL `default`. */
  required: boolean;
  /** The CWL `default` (never `sbg:toolDefaultValue`). */
  default?: unknown;
  label?: string;
  description?: string;
  /** From `sbg:fileTypes`, upper-cased, e.g. ["FASTQ", "FASTQ.GZ"]. */
  fileTypes?: string[];
  category?: string;
  /** `sbg:toolDefaultValue`: a hint to show, not a value. */
  toolDefault?: string;
  /** `sbg:suggestedValue`: offered as a completion, not a default. */
  suggestedValue?: unknown;
}

export interface AppModel {
  /** `sbg:id` (owner/project/app/revision) when the document carries it. */
  id?: string;
  cwlVersion: string; // 'sbg:draft-2' | 'v1.0' | 'v1.1' | 'v1.2'
  class?: string;
  label?: string;
  revision?: number;
  inputs: InputPort[];
  /** App-level default batching (`sbg:batchInput` without `#`, `sbg:batchBy`). */
  batchInput?: string;
  batchBy?: { type: string; criteria?: string[] };
}
