/**
 * The body of `POST /v2/tasks` as data (docs/PLATFORM.md#creating-a-task): every key at every level with its JSON
 * type, whether it is required and its documentation. Diagnostics check the body against it;
 * completion and hover read it. The values under `inputs` belong to the app, not to this schema:
 * they are checked against the app's ports (`InputPort`), and their File/Directory objects
 * against `fileObjectSchema`/`directoryObjectSchema`.
 */
import { ownValue } from '../json/ownProperty';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface ValueSchema {
  /** The JSON types the value may have; `integer` means a number without a fraction. */
  readonly types: readonly JsonType[];
  /** Markdown, shown by hover and completion. */
  readonly doc: string;
  /** Known keys of an object value. */
  readonly properties?: Readonly<Record<string, PropertySchema>>;
  /** For a map (such as `nodes_location`): the schema of every value, whatever its key. */
  readonly additionalProperties?: ValueSchema;
  /** The schema of every item of an array value. */
  readonly items?: ValueSchema;
  /** The allowed strings; `enumCaseInsensitive` when the platform accepts any case. */
  readonly enum?: readonly string[];
  readonly enumCaseInsensitive?: boolean;
  /** Smallest allowed number. */
  readonly minimum?: number;
  /** Values the platform reads from somewhere else (`inputs`: the app's ports): not checked here. */
  readonly free?: boolean;
}

export interface PropertySchema extends ValueSchema {
  readonly required?: boolean;
}

const nodeLocationSchema: ValueSchema = {
  types: ['object'],
  doc: 'Where the outputs of this output node go.',
  properties: {
    output_location: {
      types: ['string'],
      doc: 'Folder for this output node: a project path such as `/Analysis/BAMs/` or a volume path `volumes://<volume>/<path>`.',
    },
    output_location_alias: {
      types: ['string'],
      doc: 'When `output_location` is a `volumes://` path: the project path that points at it.',
    },
  },
};

export const executionSettingsSchema: ValueSchema = {
  types: ['object'],
  doc: 'How the task runs: instance type, parallelism, memoization and elastic disk.',
  properties: {
    instance_type: {
      types: ['string', 'array'],
      items: { types: ['string'], doc: 'An instance type, as in `instance_type`.' },
      doc:
        'Forces an instance type: `<instance>` or `<instance>;<disk type>;<disk size in GB>`, for example ' +
        '`c5.2xlarge;ebs-gp2;1024` on AWS or `n1-standard-16;pd-ssd;2000` on Google Cloud. `AUTO` lets the platform choose.',
    },
    max_parallel_instances: {
      types: ['integer'],
      minimum: 1,
      doc: 'The largest number of instances this task may run at the same time (1 or more).',
    },
    use_memoization: {
      types: ['boolean'],
      doc: '`true` reuses the results of identical jobs from earlier tasks (memoization). Off by default.',
    },
    use_elastic_disk: {
      types: ['boolean'],
      doc: '`true` lets the attached disk grow while the task runs (Elastic Disk).',
    },
  },
};

export const batchBySchema: ValueSchema = {
  types: ['object', 'null'],
  doc:
    'How the files of `batch_input` are grouped into child tasks: `{"type": "item"}` runs one child per file; ' +
    '`{"type": "criteria", "criteria": ["metadata.sample_id"]}` runs one child per distinct combination of the listed metadata values. ' +
    'Give it together with `batch_input`.',
  properties: {
    type: {
      types: ['string'],
      required: true,
      enum: ['item', 'criteria'],
      enumCaseInsensitive: true,
      doc: '`item`: one child task per file; `criteria`: one child task per group of files with the same metadata values. Either case is accepted.',
    },
    criteria: {
      types: ['array'],
      items: { types: ['string'], doc: 'A metadata field, written `metadata.<field>`, for example `metadata.sample_id`.' },
      doc: 'For `type: criteria`: the metadata fields that group files, each `metadata.<field>` (`metadata.sample_id`, `metadata.library_id`, ...).',
    },
  },
};

export const outputLocationSchema: ValueSchema = {
  types: ['object'],
  doc: 'Where the task writes its outputs, as a whole and per output node.',
  properties: {
    main_location: {
      types: ['string'],
      doc:
        'Output root for all output nodes: a project path such as `/Analysis/<task_id>_<task_name>/` or a volume path `volumes://<volume>/<path>`. ' +
        'Tokens in angle brackets are filled in when the task runs.',
    },
    main_location_alias: {
      types: ['string'],
      doc: 'When `main_location` is a `volumes://` path: the project path that points at it.',
    },
    nodes_override: {
      types: ['boolean'],
      doc: '`true` lets `nodes_location` place single output nodes elsewhere; outputs not listed there go to `main_location`.',
    },
    nodes_location: {
      types: ['object'],
      additionalProperties: nodeLocationSchema,
      doc: 'Per output node (keyed by output id): `{"output_location": "...", "output_location_alias": "..."}`.',
    },
  },
};

export const taskBodySchema: ValueSchema = {
  types: ['object'],
  doc: 'The body of `POST /v2/tasks`: which app runs, in which project, on which inputs.',
  properties: {
    project: {
      types: ['string'],
      required: true,
      doc: 'The project the task belongs to and bills to: `owner/project-short-name`, for example `rfranklin/my-project`.',
    },
    app: {
      types: ['string'],
      required: true,
      doc:
        'The app to run: `owner/project/app-short-name`, optionally followed by `/revision` (an integer). ' +
        'Without a revision the latest one is used.',
    },
    name: { types: ['string'], doc: 'The task name shown on the platform.' },
    description: { types: ['string'], doc: 'Free text describing the task.' },
    inputs: {
      types: ['object'],
      free: true,
      doc:
        "The app's inputs, keyed by input id (without a leading `#`). Files are `{\"class\": \"File\", \"path\": \"<file id>\"}`, " +
        'folders `{"class": "Directory", "path": "<folder id>"}`, lists of them JSON arrays; other values are plain JSON. ' +
        'Leave an optional input out (or `null`) to use its default.',
    },
    batch: {
      types: ['boolean'],
      doc: '`true` creates a batch task; usually implied by giving `batch_input` and `batch_by`.',
    },
    batch_input: {
      types: ['string', 'null'],
      doc: 'The id of the input whose files are split into child tasks (normally a list of files). Give it together with `batch_by`.',
    },
    batch_by: batchBySchema,
    use_interruptible_instances: {
      types: ['boolean'],
      doc: '`true` allows spot (interruptible) instances, which cost less but may be reclaimed. Leave it out to use the project default.',
    },
    execution_settings: executionSettingsSchema,
    output_location: outputLocationSchema,
  },
};

/** A File value under `inputs`. */
export const fileObjectSchema: ValueSchema = {
  types: ['object'],
  doc: 'A file on the platform: `{"class": "File", "path": "<file id>"}`.',
  // Besides class and path, the CWL File fields the platform itself writes into a task's `inputs`
  // (docs/PLATFORM.md#inputs-as-the-platform-answers-them: name, size, metadata, checksum, location, dirname, contents,
  // secondaryFiles) and the ones CWL 1.x derives from the name (basename, nameroot, nameext) or
  // carries along (format): a body copied from a task or from cwltool's job file sends them back,
  // and the platform goes by `path`. So they are accepted without a warning (issue 12 §5).
  properties: {
    class: { types: ['string'], required: true, enum: ['File'], doc: 'Always `File`.' },
    path: { types: ['string'], required: true, doc: "The file's id: 24 hexadecimal characters, for example `5e1f0c2b6a3c2f0012345678`." },
    name: { types: ['string'], doc: "The file's name, for the reader; the platform goes by `path`." },
    secondaryFiles: {
      types: ['array'],
      doc: 'Index files that go with this file, each a File or Directory object; the platform usually finds them by name in the same project.',
    },
    metadata: { types: ['object'], free: true, doc: "The file's metadata, as the platform reports it." },
    size: { types: ['integer'], doc: "The file's size in bytes, as the platform reports it." },
    basename: { types: ['string'], doc: "CWL's name of the file (`name` on the platform); the platform goes by `path`." },
    nameroot: { types: ['string'], doc: 'The name without its last extension (CWL); informative.' },
    nameext: { types: ['string'], doc: 'The last extension of the name, with its dot (CWL); informative.' },
    dirname: { types: ['string'], doc: "The file's folder, as the platform reports it; informative." },
    format: { types: ['string'], doc: "The file's format as an IRI (CWL `format`, e.g. an EDAM term)." },
    checksum: { types: ['string', 'null'], doc: 'The checksum, `sha1$…` (CWL), as the platform reports it; informative.' },
    contents: { types: ['string', 'null'], doc: "The first 64 KiB of the file's text (CWL `loadContents`); informative." },
    location: { types: ['string'], doc: 'CWL\'s location of the file; the platform reads `path`, so `path` must be there too.' },
  },
};

/** A Directory value under `inputs`. */
export const directoryObjectSchema: ValueSchema = {
  types: ['object'],
  doc: 'A folder on the platform: `{"class": "Directory", "path": "<folder id>"}`.',
  properties: {
    class: { types: ['string'], required: true, enum: ['Directory'], doc: 'Always `Directory`.' },
    path: { types: ['string'], required: true, doc: "The folder's id: 24 hexadecimal characters." },
    name: { types: ['string'], doc: "The folder's name, for the reader; the platform goes by `path`." },
    basename: { types: ['string'], doc: "CWL's name of the folder (`name` on the platform); the platform goes by `path`." },
    dirname: { types: ['string'], doc: "The folder's parent folder, as the platform reports it; informative." },
    listing: { types: ['array'], doc: "The folder's entries (CWL); informative, the platform reads the folder by `path`." },
    metadata: { types: ['object'], free: true, doc: "The folder's metadata, as the platform reports it." },
    location: { types: ['string'], doc: 'CWL\'s location of the folder; the platform reads `path`, so `path` must be there too.' },
  },
};

/**
 * The schema of the value at `path` (keys and array indexes from the body's root), or undefined
 * where the body schema says nothing (under `inputs`, or under an unknown key).
 */
export function schemaAtPath(path: readonly (string | number)[]): ValueSchema | undefined {
  let schema: ValueSchema | undefined = taskBodySchema;
  for (const segment of path) {
    if (!schema || schema.free) return undefined;
    schema = typeof segment === 'number' ? schema.items : (ownValue(schema.properties, segment) ?? schema.additionalProperties);
  }
  return schema;
}
