/**
 * Facts no public source settles (docs/PLATFORM.md#what-no-public-source-settles), each a switch the emulator can be run
 * under either way, so the product's tests can show it is right whichever way the platform goes.
 * The first value of each list is the emulator's default. README.md has the table: fact, source,
 * default, variants.
 */
export const VARIANT_VALUES = {
  /** A batch parent's `execution_status` counters count child tasks, or the children's jobs (SP vs the Java client). */
  counters: ['tasks', 'jobs'],
  /** `batch_group.fields` keys: the criteria verbatim (`metadata.sample_id`) or without the prefix (`sample_id`). */
  'batch-group-keys': ['prefixed', 'bare'],
  /** A child's `name`: `<parent name> - <group value>`, the group value alone, or the child's id. */
  'child-name': ['parent-dash-value', 'value', 'id'],
  /** A parent whose children all ended, some FAILED: FAILED, or COMPLETED. */
  'parent-end': ['failed', 'completed'],
  /** File `type`: `FILE`/`FOLDER` as the folder-listing docs show, or `file`/`folder` as the SDKs normalise. */
  'file-type': ['upper', 'lower'],
  /** List calls without `fields`: a default subset of each item, or every field. */
  'list-fields': ['subset', 'all'],
  /** A file lacking a batch criterion's metadata: one group of all such files, a child of its own, or left out. */
  'missing-metadata': ['one-group', 'own-child', 'dropped'],
} as const;

export type VariantName = keyof typeof VARIANT_VALUES;
export type Variants = { -readonly [N in VariantName]: (typeof VARIANT_VALUES)[N][number] };

export const VARIANT_NAMES = Object.keys(VARIANT_VALUES) as VariantName[];

export function defaultVariants(): Variants {
  return Object.fromEntries(VARIANT_NAMES.map((name) => [name, VARIANT_VALUES[name][0]])) as Variants;
}

/** Checks and applies `NAME=VALUE` settings (or a partial object); throws a message naming what is allowed. */
export function applyVariants(target: Variants, settings: Partial<Record<string, unknown>> | string[]): Variants {
  const entries = Array.isArray(settings) ? settings.map(splitSetting) : Object.entries(settings);
  const checked = entries.map(([name, value]) => checkVariant(name, value));
  for (const [name, value] of checked) (target as Record<string, string>)[name] = value;
  return target;
}

/** Every single-variant change from the defaults: what a test matrix runs under (the default once). */
export function variantMatrix(): { label: string; variants: Partial<Variants> }[] {
  const rows: { label: string; variants: Partial<Variants> }[] = [{ label: 'defaults', variants: {} }];
  for (const name of VARIANT_NAMES) {
    for (const value of VARIANT_VALUES[name].slice(1)) rows.push({ label: `${name}=${value}`, variants: { [name]: value } });
  }
  return rows;
}

function splitSetting(setting: string): [string, string] {
  const at = setting.indexOf('=');
  if (at <= 0) throw new Error(`Variant "${setting}" must be NAME=VALUE; ${describeVariants()}.`);
  return [setting.slice(0, at), setting.slice(at + 1)];
}

function checkVariant(name: string, value: unknown): [VariantName, string] {
  if (!(name in VARIANT_VALUES)) throw new Error(`Unknown variant "${name}"; ${describeVariants()}.`);
  const allowed = VARIANT_VALUES[name as VariantName] as readonly string[];
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new Error(`Variant ${name} must be one of ${allowed.join('|')}, got ${JSON.stringify(value)}.`);
  }
  return [name as VariantName, value];
}

export function describeVariants(): string {
  return `known variants: ${VARIANT_NAMES.map((name) => `${name}=${VARIANT_VALUES[name].join('|')}`).join(', ')}`;
}

/** A Node test file the variant matrix runs, and the variants whose facts it reads (path under out/test/). */
export interface VariantSuite {
  file: string;
  reads: readonly VariantName[];
}

/**
 * The product's tests that read what the variants change, each run by the variant matrix
 * (scripts/variant-matrix.js) under every other value of the variants it reads. A suite that reads
 * nothing a variant changes is left out: it would pass the same way and only cost time.
 */
export const VARIANT_SUITES: readonly VariantSuite[] = [
  // the watcher: counters, parent status, child names, batch groups, missing metadata, list subsets
  { file: 'client/watch/taskWatcher.test.js', reads: VARIANT_NAMES },
  // the tree's texts: durations and runs on the platform's clock
  { file: 'client/tree/reading/taskText.test.js', reads: VARIANT_NAMES },
  // the tree's reading of a batch (row and status groups), CREATING and ABORTING included
  { file: 'client/tree/reading/batchReading.test.js', reads: ['counters', 'parent-end', 'child-name', 'list-fields'] },
  // costs and a failed child's failed jobs (from its execution details); the execution details view's text
  { file: 'client/tree/watchedCost.test.js', reads: ['counters', 'parent-end', 'list-fields'] },
  { file: 'client/details/executionDetailsText.test.js', reads: ['counters', 'list-fields'] },
  // create and its diagnostics from the draft's errors
  { file: 'client/create/createTask.test.js', reads: VARIANT_NAMES },
  { file: 'cli/create.test.js', reads: VARIANT_NAMES },
  // the batch preview against the children the emulator makes
  { file: 'server/batchPreview.test.js', reads: ['missing-metadata', 'batch-group-keys', 'file-type', 'list-fields'] },
  // completion and hover over files: file type case, list field subsets
  { file: 'client/lsp/dataRequestHandlers.test.js', reads: VARIANT_NAMES },
  { file: 'server/data/platformFacts.test.js', reads: VARIANT_NAMES },
];

/** The suites one matrix row runs: those that read the variant it changes. */
export function suitesFor(variants: Partial<Variants>): string[] {
  const changed = Object.keys(variants) as VariantName[];
  return VARIANT_SUITES.filter((suite) => changed.some((name) => suite.reads.includes(name))).map((suite) => suite.file);
}
