/**
 * The stable codes of the task-file diagnostics. Users and CI scripts match on these strings,
 * so a code is never renamed or reused; each belongs to a family whose severity the user can
 * change (or turn off) in settings.
 */

export type DiagnosticFamily = 'syntax' | 'body' | 'ids' | 'inputs' | 'batch' | 'execution' | 'live';

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface ValidationSettings {
  /** Overrides the default severity of every code of a family; `off` hides the family. */
  severities?: Partial<Record<DiagnosticFamily, SeveritySetting>>;
}

export interface DiagnosticCodeInfo {
  family: DiagnosticFamily;
  severity: Exclude<SeveritySetting, 'off'>;
  /** What the code means, for the README and the settings description. */
  description: string;
}

export const diagnosticCodes = {
  'sbg.syntax': { family: 'syntax', severity: 'error', description: 'The text is not valid JSON.' },
  'sbg.body-type': { family: 'body', severity: 'error', description: 'The task body is not a JSON object.' },
  'sbg.unknown-key': { family: 'body', severity: 'warning', description: 'A key the task body does not have at this level (outside `inputs`).' },
  'sbg.value-type': { family: 'body', severity: 'error', description: 'A body value of the wrong JSON type, such as `"true"` where a boolean belongs.' },
  'sbg.missing-key': { family: 'body', severity: 'error', description: 'A required key is missing: `project` and `app` in the body, `type` in `batch_by`.' },
  'sbg.enum-value': { family: 'body', severity: 'error', description: 'A value that is not one of the allowed values (an input enum symbol, `batch_by.type`).' },
  'sbg.value-range': { family: 'execution', severity: 'error', description: 'A number out of range, such as `max_parallel_instances` below 1.' },
  'sbg.malformed-id': { family: 'ids', severity: 'error', description: 'A project, app or file id not in the platform\'s format.' },
  'sbg.unknown-input': { family: 'inputs', severity: 'error', description: 'An input id the app has no port for.' },
  'sbg.missing-required-input': { family: 'inputs', severity: 'error', description: 'A required input of the app is missing or `null`.' },
  'sbg.input-type': { family: 'inputs', severity: 'error', description: "An input value of the wrong type or cardinality for its port." },
  'sbg.file-object': { family: 'inputs', severity: 'error', description: 'A File or Directory object without a proper `class` or `path`.' },
  'sbg.record-field': { family: 'inputs', severity: 'error', description: 'A record input with an unknown field or without a required field.' },
  'sbg.unchecked-input': {
    family: 'inputs',
    severity: 'information',
    description: "An input value that was not checked because its type is defined in a file that could not be read (`$import`, `$mixin`, SchemaDefRequirement) or not defined at all.",
  },
  'sbg.batch-pair': { family: 'batch', severity: 'error', description: '`batch_input` without `batch_by`, or the other way round.' },
  'sbg.batch-input': { family: 'batch', severity: 'error', description: '`batch_input` does not name an input of the app that takes files.' },
  'sbg.batch-by': { family: 'batch', severity: 'error', description: '`batch_by` criteria missing, or not written `metadata.<field>`.' },
  'sbg.default-batch': { family: 'batch', severity: 'information', description: "No `batch_input`/`batch_by` and the app batches by default: the task is created as a batch (`\"batch\": false` runs it as one task)." },
  'sbg.split-pairs': { family: 'batch', severity: 'warning', description: 'Batching by item over reads that look paired (`_R1`/`_R2`, `_1`/`_2`): each mate would run in its own child.' },
  'sbg.batch-metadata': { family: 'batch', severity: 'warning', description: 'A file of a criteria batch lacks one of the criteria in its metadata.' },
  'sbg.duplicate-file': { family: 'inputs', severity: 'warning', description: 'The same file given twice in one list input.' },
  'sbg.instance-type': { family: 'execution', severity: 'error', description: '`instance_type` not written `<instance>` or `<instance>;<disk type>;<size>`.' },
  'sbg.unknown-instance-type': { family: 'execution', severity: 'warning', description: 'An instance type name not known to be offered by the platform.' },
  'sbg.project-not-found': { family: 'live', severity: 'error', description: 'The platform says the project does not exist or is not accessible.' },
  'sbg.app-not-found': { family: 'live', severity: 'error', description: 'The platform says the app (or its revision) does not exist or is not accessible.' },
  'sbg.app-unavailable': { family: 'live', severity: 'information', description: "The app's input ports could not be fetched, so inputs were not checked." },
  'sbg.file-not-found': { family: 'live', severity: 'error', description: 'The platform says a file id does not exist or is not readable. Past 20 in one input, the rest are counted on the input\'s key instead of marked one by one.' },
  'sbg.duplicate-key': { family: 'syntax', severity: 'error', description: 'A key written twice in one object: the platform reads one of them, not necessarily the one checked and sent (the first).' },
  'sbg.too-many-problems': {
    family: 'syntax',
    severity: 'information',
    description: 'The file has more problems than the 1000 listed; the rest show once these are fixed.',
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type DiagnosticCode = keyof typeof diagnosticCodes;

/** The source of every diagnostic of the task-file service. */
export const diagnosticSource = 'sbg-task';
