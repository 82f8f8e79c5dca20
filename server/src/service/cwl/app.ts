/**
 * App-level reading: accepts a raw CWL document or an app as the API returns it
 * (`{id, revision, raw: {...}}`, docs/PLATFORM.md#apps), checks it is a CWL app, and reads the
 * app's identity, version, class, revision and default batching around its input ports.
 */
import type { AppModel } from './model';
import { AppParseError, describeValue } from './appParseError';
import { readInputs } from './ports';
import { isObject, NamedTypes, readType, stripPackedPrefix } from './types';
import { selectProcess } from './packedProcess';

const APP_CLASSES = ['CommandLineTool', 'Workflow', 'ExpressionTool'];
const CWL_VERSIONS = ['sbg:draft-2', 'v1.0', 'v1.1', 'v1.2'];

export interface ReadAppOptions {
  /** The process of a packed document (`$graph`) to read, by id (`FILE#ID`); see packedProcess.ts. */
  processId?: string;
  /**
   * Why each `$import`/`$include`/`$mixin` reference left in the document (keyed as written) could
   * not be read. The reader never opens files: the CLI resolves them (cli/appReferences.ts) and
   * passes the resolved document with what it could not resolve.
   */
  unresolved?: ReadonlyMap<string, string>;
}

export function readApp(raw: unknown, options: ReadAppOptions = {}): AppModel {
  if (!isObject(raw)) {
    throw new AppParseError(`an app must be an object (a CWL document, or an app from the API with "raw" inside), not ${kindOf(raw)}`);
  }
  const envelope = isObject(raw.raw) ? raw : undefined;
  const document = selectProcess(envelope ? (raw.raw as Record<string, unknown>) : raw, options.processId);

  const cwlVersion = readCwlVersion(document);
  const appClass = document.class;
  if (typeof appClass !== 'string' || !APP_CLASSES.includes(appClass)) {
    const found = appClass === undefined ? 'has no "class"' : `has "class": ${describeValue(appClass)}`;
    throw new AppParseError(`not a CWL app: the document ${found}; expected ${oneOf(APP_CLASSES)}`);
  }
  if (document.inputs === undefined) {
    throw new AppParseError(`not a CWL app: the ${appClass} has no "inputs"`);
  }

  const named = schemaDefTypes(document, new NamedTypes(options.unresolved));
  const model: AppModel = { cwlVersion, class: appClass, inputs: readInputs(document.inputs, named) };
  const id = stringOr(document['sbg:id']) ?? stringOr(envelope?.id);
  if (id !== undefined) {
    model.id = id;
  }
  const label = stringOr(document.label);
  if (label !== undefined) {
    model.label = label;
  }
  const revision = numberOr(document['sbg:revision']) ?? numberOr(envelope?.revision);
  if (revision !== undefined) {
    model.revision = revision;
  }
  const batchInput = stringOr(document['sbg:batchInput']);
  if (batchInput !== undefined) {
    model.batchInput = stripPackedPrefix(batchInput);
  }
  const batchBy = readBatchBy(document['sbg:batchBy']);
  if (batchBy !== undefined) {
    model.batchBy = batchBy;
  }
  return model;
}

/**
 * `cwlVersion`, or for SBG exports without that key (common in draft-2 apps) sbg:draft-2 when
 * the document's `sbg:*` keys show it is a Seven Bridges app.
 */
function readCwlVersion(document: Record<string, unknown>): string {
  const declared = document.cwlVersion;
  if (declared === undefined) {
    if (Object.keys(document).some((key) => key.startsWith('sbg:'))) {
      return 'sbg:draft-2';
    }
    throw new AppParseError('not a CWL app: the document has no "cwlVersion" (and no sbg: keys that would mark an sbg:draft-2 app)');
  }
  if (typeof declared !== 'string' || !CWL_VERSIONS.includes(declared)) {
    throw new AppParseError(`"cwlVersion": ${describeValue(declared)} is not supported; expected ${oneOf(CWL_VERSIONS)}`);
  }
  return declared;
}

/** Named types from SchemaDefRequirement, in `requirements` or `hints`, list or map form. */
function schemaDefTypes(document: Record<string, unknown>, named: NamedTypes): NamedTypes {
  for (const section of [document.requirements, document.hints]) {
    const requirements = Array.isArray(section)
      ? section
      : isObject(section)
        ? Object.entries(section).map(([key, value]) => (isObject(value) ? { class: key, ...value } : value))
        : [];
    for (const requirement of requirements) {
      if (isObject(requirement) && requirement.class === 'SchemaDefRequirement' && Array.isArray(requirement.types)) {
        // readType registers each named type as it reads it. A resolved `$import` of a file that
        // holds a list of types is that list. One left unresolved is skipped: references to its
        // types read as `any` with the reason (types.ts).
        requirement.types
          .flat()
          .filter((type) => isObject(type) && type.type !== undefined)
          .forEach((type) => readType(type, named, 'SchemaDefRequirement'));
      }
    }
  }
  return named;
}

function readBatchBy(raw: unknown): AppModel['batchBy'] {
  if (!isObject(raw) || typeof raw.type !== 'string') {
    return undefined;
  }
  const criteria = Array.isArray(raw.criteria) ? raw.criteria.filter((item): item is string => typeof item === 'string') : undefined;
  return criteria === undefined ? { type: raw.type } : { type: raw.type, criteria };
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function oneOf(choices: string[]): string {
  return `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}
