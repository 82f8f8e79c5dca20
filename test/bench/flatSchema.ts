/**
 * The benchmark's baseline schema: a flat JSON Schema of the task body for one app, written the
 * way one would hand it to vscode-json-languageservice (no large `oneOf`, where its known slowdowns are), so
 * the baseline checks the same things our diagnostics check: body keys, ids, input ports, types.
 */
import type { JSONSchema } from 'vscode-json-languageservice';
import type { AppModel, PortType } from '../../server/src/service/cwl/model';

const fileId = { type: 'string', pattern: '^[0-9a-fA-F]{24}$' } as const;

function typeSchema(type: PortType): JSONSchema {
  switch (type.kind) {
    case 'File':
    case 'Directory':
      return {
        type: 'object',
        properties: { class: { const: type.kind }, path: fileId, name: { type: 'string' } },
        required: ['class', 'path'],
      };
    case 'string':
      return { type: 'string' };
    case 'int':
    case 'long':
      return { type: 'integer' };
    case 'float':
    case 'double':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'string', enum: type.symbols };
    case 'array':
      return { type: 'array', items: typeSchema(type.items) };
    case 'record':
      return {
        type: 'object',
        properties: Object.fromEntries(type.fields.map((f) => [f.id, typeSchema(f.type)])),
        required: type.fields.filter((f) => f.required).map((f) => f.id),
      };
    case 'union':
      return { anyOf: type.members.map(typeSchema) };
    case 'any':
      return {};
  }
}

export function flatTaskSchema(app: AppModel): JSONSchema {
  return {
    type: 'object',
    required: ['project', 'app'],
    additionalProperties: false,
    properties: {
      project: { type: 'string', pattern: '^[^/\\s]+/[^/\\s]+$' },
      app: { type: 'string', pattern: '^[^/\\s]+/[^/\\s]+/[^/\\s]+(/\\d+)?$' },
      name: { type: 'string' },
      description: { type: 'string' },
      inputs: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(app.inputs.map((p) => [p.id, typeSchema(p.type)])),
        required: app.inputs.filter((p) => p.required).map((p) => p.id),
      },
      batch: { type: 'boolean' },
      batch_input: { type: 'string', enum: app.inputs.map((p) => p.id) },
      batch_by: {
        type: 'object',
        required: ['type'],
        properties: {
          type: { type: 'string', enum: ['item', 'criteria', 'ITEM', 'CRITERIA'] },
          criteria: { type: 'array', items: { type: 'string', pattern: '^metadata\\.' } },
        },
      },
      use_interruptible_instances: { type: 'boolean' },
      execution_settings: {
        type: 'object',
        additionalProperties: false,
        properties: {
          instance_type: { type: 'string', pattern: '^([a-z][a-z0-9-]*\\.[0-9a-z]+(;ebs-gp2;\\d+)?|[a-z][a-z0-9]*-[a-z]+-\\d+(;pd-ssd;\\d+)?|AUTO)$' },
          max_parallel_instances: { type: 'integer', minimum: 1 },
          use_memoization: { type: 'boolean' },
          use_elastic_disk: { type: 'boolean' },
        },
      },
      output_location: { type: 'object' },
    },
  };
}
