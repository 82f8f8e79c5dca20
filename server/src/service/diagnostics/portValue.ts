/**
 * Checks one value under `inputs` against its port's type: File vs File[] vs scalar, numbers
 * (an int is a fine float), enum symbols (strings, even "6"), records, File and Directory
 * objects, file ids and, when the wiring knows them, whether the files exist.
 */
import type { PortType } from '../cwl/model';
import { typePhrase } from './typePhrases';
import type { TaskContext } from '../providers';
import type { Node } from '../document/taskDocument';
import type { SyntaxTree } from '../document/syntaxTree';
import { isFileIdIn } from '../document/ids';
import { fileObjectSchema, directoryObjectSchema } from '../schema/bodySchema';
import { describeActual, describeJsonType, jsonTypeOf, unquoteHint } from './jsonTypes';
import { nearest, listChoices, suggestionBudget } from './nearest';
import { fieldIds, fieldsById, symbolSet } from './appPorts';
import { Reporter, type FindingSink } from './report';
import { ItemRecorder, type Finding, type ListReuse, type Reuse } from './reuse';

export interface ValueCheck {
  reporter: FindingSink;
  context: TaskContext;
  /** What the last validation of the document kept (absent in union trials and recordings). */
  reuse?: Reuse;
  /** The port this value belongs to, for `data` on diagnostics. */
  portId: string;
  /** How many union trials this check runs inside (unionMember.ts bounds the nesting). */
  trials?: number;
  /** Files of this port the platform does not have, counted by checkFileObject (reportMissingFiles). */
  missingFiles?: number;
}

/**
 * Missing files marked one by one per input; past these the input's key says how many. A body
 * whose 10,000 ids all fail has one cause (another environment or account, a project not shared),
 * and a thousand identical errors would fill the diagnostics cap and hide the other problems.
 */
export const MAX_MISSING_FILES_MARKED = 20;

/** After a port's value is checked: the count of its missing files, on its key, when not all were marked. */
export function reportMissingFiles(key: { offset: number; length: number }, check: ValueCheck): void {
  const count = check.missingFiles ?? 0;
  if (count <= MAX_MISSING_FILES_MARKED) return;
  check.reporter.report(
    key,
    'sbg.file-not-found',
    `${count.toLocaleString('en-US')} file ids of input '${check.portId}' name nothing this token can read on the platform (the first ${MAX_MISSING_FILES_MARKED} are marked). ` +
      'When this many are missing, the ids usually come from another environment or account than the one signed in, or their project is not shared with you.',
    { id: check.portId },
  );
}

/** A value's place, spelt out only when a message needs it ("item 3 of input 'reads'"). */
export interface Place {
  readonly label: string;
  readonly index?: number;
}

function describe(place: Place): string {
  return place.index === undefined ? place.label : `item ${place.index + 1} of ${place.label}`;
}

export function checkPortValue(node: Node, type: PortType, place: Place, check: ValueCheck): void {
  switch (type.kind) {
    case 'any':
      // A type the reader could not follow: say so, rather than pass the value in silence.
      if (type.unresolved !== undefined) {
        check.reporter.report(node, 'sbg.unchecked-input', `${capitalise(describe(place))} was not checked: ${type.unresolved}.`, { id: check.portId });
      }
      return;
    case 'union': {
      const member = unionMember(node, type, place, check);
      if (member) checkPortValue(node, member, place, check);
      else reportType(node, type, place, check);
      return;
    }
    case 'array':
      checkArray(node, type, place, check);
      return;
    case 'File':
    case 'Directory':
      if (node.type === 'object') checkFileObject(node.tree, node.row, type.kind, place, check);
      else reportType(node, type, place, check);
      return;
    case 'enum':
      checkEnum(node, type, place, check);
      return;
    case 'record':
      checkRecord(node, type, place, check);
      return;
    default:
      if (!fitsShape(node, type)) reportType(node, type, place, check);
  }
}

/**
 * The union member a value is checked against (issue 12 §1): of the members whose shape fits,
 * the first that accepts the value, else the closest one. Records are told apart by their
 * enum-valued fields (a discriminator such as `algo: map2` that is not one of a record's symbols
 * rules that record out before any count) and then by how few problems the value has against each;
 * the first member wins a tie. Undefined when no member has the value's shape.
 */
function unionMember(node: Node, type: Extract<PortType, { kind: 'union' }>, place: Place, check: ValueCheck): PortType | undefined {
  const candidates = type.members.filter((m) => fitsShape(node, m));
  if (candidates.length <= 1) return candidates[0];
  // Each trial checks the value's whole subtree; unions inside unions multiply that, so past a few
  // levels the first member that fits is taken, as before.
  const trials = check.trials ?? 0;
  if (trials >= MAX_NESTED_TRIALS) return candidates[0];
  let best: PortType | undefined;
  let bestScore: [number, number] = [Infinity, Infinity];
  for (const candidate of candidates) {
    // A trial only counts problems: its messages are dropped, so it spends nothing on suggestions.
    const scratch = new Reporter(check.reporter.document, undefined, suggestionBudget(0));
    checkPortValue(node, candidate, place, { ...check, reporter: scratch, trials: trials + 1, reuse: undefined });
    if (scratch.diagnostics.length === 0) return candidate;
    const score: [number, number] = [discriminatorMismatches(node, candidate), scratch.diagnostics.length];
    if (score[0] < bestScore[0] || (score[0] === bestScore[0] && score[1] < bestScore[1])) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

const MAX_NESTED_TRIALS = 4;

/** How many of a record's enum-valued fields the object gives a string that is not one of their symbols. */
function discriminatorMismatches(node: Node, type: PortType): number {
  if (type.kind !== 'record' || node.type !== 'object') return 0;
  let mismatches = 0;
  for (const property of node.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    const field = keyNode && fieldsById(type).get(keyNode.value as string);
    if (field?.type.kind === 'enum' && value?.type === 'string' && !symbolSet(field.type).has(value.value as string)) mismatches++;
  }
  return mismatches;
}

/** Whether a value has the shape of a type at its top level (used to pick a union member). */
function fitsShape(node: Node, type: PortType): boolean {
  switch (type.kind) {
    case 'any':
      return true;
    case 'string':
    case 'enum':
      return node.type === 'string';
    case 'int':
    case 'long':
      return node.type === 'number' && Number.isInteger(node.value);
    case 'float':
    case 'double':
      return node.type === 'number';
    case 'boolean':
      return node.type === 'boolean';
    case 'array':
      return node.type === 'array';
    case 'File':
    case 'Directory': {
      if (node.type !== 'object') return false;
      const fileClass = classOf(node);
      return fileClass === undefined || fileClass === type.kind;
    }
    case 'record': {
      if (node.type !== 'object') return false;
      const fileClass = classOf(node);
      return fileClass !== 'File' && fileClass !== 'Directory';
    }
    case 'union':
      return type.members.some((m) => fitsShape(node, m));
  }
}

function checkArray(node: Node, type: Extract<PortType, { kind: 'array' }>, place: Place, check: ValueCheck): void {
  if (node.type !== 'array') {
    if (fitsShape(node, type.items)) {
      // A lone File (or number, ...) where a list belongs: the platform does not wrap it.
      check.reporter.report(
        node,
        'sbg.input-type',
        `${capitalise(describe(place))} takes ${typePhrase(type)}, not a single value: wrap it in [ ].`,
        { id: check.portId },
      );
    } else {
      reportType(node, type, place, check);
    }
    return;
  }
  checkItems(node, type.items, type.itemsNullable === true, place, check);
}

/** Checks every item of an array value against `items` (also used for a batch input's list of Files). */
export function checkItems(node: Node, items: PortType, itemsNullable: boolean, place: Place, check: ValueCheck): void {
  const { tree, row } = node;
  const label = describe(place);
  // A batch input's list holds thousands of File objects: those are checked on the tree's rows,
  // without a node view per item.
  const fileKind = items.kind === 'File' || items.kind === 'Directory' ? items.kind : undefined;
  // One place object for the whole list: the File check reads it only while it runs.
  const itemPlace = { label, index: 0 };
  const files = fileKind && new FileItems(tree, row, fileKind, label, check);
  let index = 0;
  for (let item = tree.firstChild(row); item >= 0 && !check.reporter.full; item = tree.nextSibling(item), index++) {
    const type = tree.type(item);
    if (type === 'null') {
      if (!itemsNullable) check.reporter.report(tree.view(item), 'sbg.input-type', `Item ${index + 1} of ${label} is null, but the list does not take nulls: remove it.`, { id: check.portId });
    } else if (files && type === 'object') {
      itemPlace.index = index;
      files.check(item, index, itemPlace);
    } else {
      checkPortValue(tree.view(item), items, { label, index }, check);
    }
  }
}

function checkEnum(node: Node, type: Extract<PortType, { kind: 'enum' }>, place: Place, check: ValueCheck): void {
  const symbols = type.symbols;
  if (node.type !== 'string') {
    const asText = node.type === 'number' || node.type === 'boolean' ? String(node.value) : undefined;
    const hint = asText !== undefined && symbolSet(type).has(asText) ? `: write "${asText}" in quotes` : `: use one of ${listChoices(symbols)}`;
    check.reporter.report(node, 'sbg.input-type', `${capitalise(describe(place))} takes one of the strings ${listChoices(symbols)}, not ${describeJsonType(jsonTypeOf(node))}${hint}.`, {
      id: check.portId,
    });
    return;
  }
  const value = node.value as string;
  if (symbolSet(type).has(value)) return;
  const suggestion = nearest(value, symbols, check.reporter.suggestions);
  const fix = suggestion ? `did you mean '${suggestion}'?` : `use one of ${listChoices(symbols)}.`;
  check.reporter.report(node, 'sbg.enum-value', `'${value}' is not a value of ${describe(place)}: ${fix}`, { id: check.portId, suggestion });
}

function checkRecord(node: Node, type: Extract<PortType, { kind: 'record' }>, place: Place, check: ValueCheck): void {
  if (!fitsShape(node, type)) {
    reportType(node, type, place, check);
    return;
  }
  const label = describe(place);
  const present = new Set<string>();
  for (const property of node.children ?? []) {
    if (check.reporter.full) return;
    const [keyNode, value] = property.children ?? [];
    if (!keyNode) continue;
    const key = keyNode.value as string;
    present.add(key);
    const field = fieldsById(type).get(key);
    if (!field) {
      const ids = fieldIds(type);
      const suggestion = nearest(key, ids, check.reporter.suggestions);
      const fix = suggestion ? `did you mean '${suggestion}'?` : `its fields are ${listChoices(ids)}.`;
      check.reporter.report(keyNode, 'sbg.record-field', `${capitalise(label)} has no field '${key}': ${fix}`, { id: check.portId, suggestion });
    } else if (value && value.type !== 'null') {
      checkPortValue(value, field.type, { label: `field '${key}' of ${label}` }, check);
    } else if (value && field.required) {
      check.reporter.report(value, 'sbg.record-field', `Field '${key}' of ${label} is required: give it ${typePhrase(field.type)}.`, { id: check.portId });
    }
  }
  const missing = type.fields.filter((f) => f.required && !present.has(f.id)).map((f) => f.id);
  if (missing.length) {
    check.reporter.report({ offset: node.offset, length: 1 }, 'sbg.record-field', `${capitalise(label)} is missing the required field${missing.length > 1 ? 's' : ''} ${listChoices(missing, 20)}: add ${missing.length > 1 ? 'them' : 'it'}.`, {
      id: check.portId,
    });
  }
}

/**
 * A File or Directory object: its keys, `class` and `path`. A batch input holds thousands of
 * these, so this reads the tree's rows directly and makes node views only for what it reports.
 */
const fileObjectKeys = Object.keys(fileObjectSchema.properties!);
const directoryObjectKeys = Object.keys(directoryObjectSchema.properties!);

/**
 * The File objects of one list, each checked into a recording that is replayed at once, and kept
 * for the next validation; an item whose text did not change since the last one is not read again.
 */
class FileItems {
  private readonly recorder: ItemRecorder;
  private readonly recording: ValueCheck;
  private readonly reuse: ListReuse | undefined;

  constructor(private readonly tree: SyntaxTree, list: number, private readonly kind: 'File' | 'Directory', label: string, private readonly listCheck: ValueCheck) {
    const check = listCheck;
    this.recorder = new ItemRecorder(check.reporter.document, check.reporter.suggestions);
    this.recording = recordingCheck(this.recorder, check, check.reuse?.answersVersioned ?? false);
    if (check.reuse) {
      let count = 0;
      for (let item = tree.firstChild(list); item >= 0; item = tree.nextSibling(item)) count++;
      this.reuse = check.reuse.items(list, `${check.portId}\u0000${label}\u0000${kind}`, count);
    }
  }

  check(item: number, index: number, place: Place): void {
    const offset = this.tree.offsets[item];
    const taken = this.reuse?.taken(index, item);
    if (taken) return replay(taken, offset, this.listCheck);
    this.recorder.start(offset);
    findFileObjectProblems(this.tree, item, this.kind, place, this.recording);
    const { findings, reusable } = this.recorder.recorded();
    if (reusable) this.reuse?.keep(index, item, findings);
    replay(findings, offset, this.listCheck);
  }
}

/** The check that records into `recorder`: file answers that may change mark the item uncertain. */
function recordingCheck(recorder: ItemRecorder, check: ValueCheck, answersVersioned: boolean): ValueCheck {
  const fileInfo = check.context.fileInfo;
  const context: TaskContext = fileInfo === undefined ? check.context : {
    ...check.context,
    fileInfo(id) {
      const answer = fileInfo(id);
      if (answer === undefined || !answersVersioned) recorder.uncertain = true;
      return answer;
    },
  };
  return { reporter: recorder, context, portId: check.portId, trials: check.trials };
}

/**
 * Reports an item's recorded findings at the item's offset now. Missing files are counted per
 * input here, where items are reported in order: past MAX_MISSING_FILES_MARKED only the count shows.
 */
function replay(findings: readonly Finding[], offset: number, check: ValueCheck): void {
  for (const finding of findings) {
    if (finding.code === 'sbg.file-not-found') {
      check.missingFiles = (check.missingFiles ?? 0) + 1;
      if (check.missingFiles > MAX_MISSING_FILES_MARKED) continue;
    }
    check.reporter.report({ offset: offset + finding.at, length: finding.length }, finding.code, finding.message, finding.data, finding.severity);
  }
}

/** One File or Directory object outside a list (or a list without reuse): recorded, then replayed. */
export function checkFileObject(tree: SyntaxTree, row: number, kind: 'File' | 'Directory', place: Place, check: ValueCheck): void {
  const recorder = new ItemRecorder(check.reporter.document, check.reporter.suggestions);
  const offset = tree.offsets[row];
  recorder.start(offset);
  findFileObjectProblems(tree, row, kind, place, recordingCheck(recorder, check, false));
  replay(recorder.recorded().findings, offset, check);
}

/** Every problem of a File or Directory object, each missing file among them (`replay` counts those). */
function findFileObjectProblems(tree: SyntaxTree, row: number, kind: 'File' | 'Directory', place: Place, check: ValueCheck): void {
  const { reporter, context } = check;
  const keys = kind === 'File' ? fileObjectKeys : directoryObjectKeys;
  let classRow = -1;
  let pathRow = -1;
  let locationKeyRow = -1;
  let secondaryRow = -1;
  for (let property = tree.firstChild(row); property >= 0; property = tree.nextSibling(property)) {
    const keyRow = tree.firstChild(property);
    if (keyRow < 0) continue;
    if (tree.isString(keyRow, 'class')) classRow = tree.nextSibling(keyRow);
    else if (tree.isString(keyRow, 'path')) pathRow = tree.nextSibling(keyRow);
    else if (tree.isString(keyRow, 'location')) locationKeyRow = keyRow;
    else if (kind === 'File' && tree.isString(keyRow, 'secondaryFiles')) secondaryRow = tree.nextSibling(keyRow);
    else if (!isOneOf(tree, keyRow, keys)) {
      const key = tree.value(keyRow) as string;
      const suggestion = nearest(key, keys, reporter.suggestions);
      const fix = suggestion ? `did you mean '${suggestion}'?` : `a ${kind} object has ${listChoices(keys)}.`;
      reporter.report(tree.view(keyRow), 'sbg.unknown-key', `Unknown key '${key}' in a ${kind} object: ${fix}`, { id: key, suggestion });
    }
  }
  // Messages are spelt out only when reported: most of thousands of File objects are fine.
  if (classRow < 0) {
    reporter.report({ offset: tree.offsets[row], length: 1 }, 'sbg.file-object', `The ${kind} object of ${describe(place)} has no "class": add "class": "${kind}".`, { id: check.portId });
  } else if (!tree.isString(classRow, kind)) {
    const classNode = tree.view(classRow);
    const other = classNode.value === 'File' || classNode.value === 'Directory';
    const message = other
      ? `${capitalise(describe(place))} takes a ${kind}, not a ${classNode.value as string}.`
      : `"class" of ${describe(place)} must be "${kind}", not ${classNode.type === 'string' ? `"${classNode.value as string}"` : describeJsonType(jsonTypeOf(classNode))}.`;
    reporter.report(classNode, other ? 'sbg.input-type' : 'sbg.file-object', message, { id: check.portId });
  }
  if (secondaryRow >= 0) checkSecondaryFiles(tree, secondaryRow, place, check);
  if (pathRow < 0) {
    if (locationKeyRow >= 0) {
      reporter.report(tree.view(locationKeyRow), 'sbg.file-object', `The platform reads "path", not "location": give ${describe(place)} "path": "<${kind === 'File' ? 'file' : 'folder'} id>".`, { id: check.portId });
    } else {
      reporter.report({ offset: tree.offsets[row], length: 1 }, 'sbg.file-object', `The ${kind} object of ${describe(place)} has no "path": add "path": "<${kind === 'File' ? 'file' : 'folder'} id>".`, { id: check.portId });
    }
    return;
  }
  if (tree.type(pathRow) !== 'string') {
    reporter.report(tree.view(pathRow), 'sbg.file-object', `"path" of ${describe(place)} must be a ${kind === 'File' ? 'file' : 'folder'} id in quotes, not ${describeJsonType(jsonTypeOf(tree.view(pathRow)))}.`, { id: check.portId });
    return;
  }
  if (!tree.stringMatches(pathRow, isFileIdIn)) {
    const id = tree.value(pathRow) as string;
    const noun = kind === 'File' ? 'file' : 'folder';
    // An empty path is a placeholder left by a quick fix or a new task file: say what goes there.
    const message = id === ''
      ? `"path" of ${describe(place)} is empty: put the ${noun}'s id here (completion lists the project's ${noun}s by name).`
      : `"${id}" is not a ${noun} id: "path" takes the id (24 hexadecimal characters, such as 5e1f0c2b6a3c2f0012345678), not a name or a local path.`;
    reporter.report(tree.view(pathRow), 'sbg.malformed-id', message, { id: check.portId });
    return;
  }
  // Asked even when no known file is missing: asking is what queues the lookup of an unknown one.
  if (!context.fileInfo) return;
  const id = tree.value(pathRow) as string;
  const info = context.fileInfo(id);
  if (info === null) {
    reporter.report(tree.view(pathRow), 'sbg.file-not-found', `The platform has no ${kind === 'File' ? 'file' : 'folder'} "${id}" that you can read (${describe(place)}): check the id, or that you can read its project.`, {
      id: check.portId,
    });
  }
}

/**
 * `secondaryFiles` of a File: a list of File or Directory objects (CWL), each checked as one
 * (its `class` says which; File when it has none, so the missing class is reported).
 */
function checkSecondaryFiles(tree: SyntaxTree, row: number, place: Place, check: ValueCheck): void {
  const label = `the secondary files of ${describe(place)}`;
  if (tree.type(row) === 'null') return;
  if (tree.type(row) !== 'array') {
    check.reporter.report(tree.view(row), 'sbg.file-object', `"secondaryFiles" of ${describe(place)} must be a list of File or Directory objects, not ${describeJsonType(jsonTypeOf(tree.view(row)))}.`, { id: check.portId });
    return;
  }
  const itemPlace = { label, index: 0 };
  let index = 0;
  for (let item = tree.firstChild(row); item >= 0 && !check.reporter.full; item = tree.nextSibling(item), index++) {
    itemPlace.index = index;
    if (tree.type(item) !== 'object') {
      const node = tree.view(item);
      const hint = node.type === 'string' ? `: write {"class": "File", "path": "<file id>"}` : '';
      check.reporter.report(node, 'sbg.file-object', `${capitalise(describe(itemPlace))} must be a File or Directory object, not ${describeJsonType(jsonTypeOf(node))}${hint}.`, { id: check.portId });
      continue;
    }
    const classRow = tree.propertyValue(tree.property(item, 'class'));
    const kind = classRow >= 0 && tree.isString(classRow, 'Directory') ? 'Directory' : 'File';
    findFileObjectProblems(tree, item, kind, { label, index }, check);
  }
}

function isOneOf(tree: SyntaxTree, row: number, strings: readonly string[]): boolean {
  for (const string of strings) if (tree.isString(row, string)) return true;
  return false;
}

function reportType(node: Node, type: PortType, place: Place, check: ValueCheck): void {
  const expected = typePhrase(type);
  const hint = unquoteHint(node, hintTypes(type));
  const fileHint = (type.kind === 'File' || type.kind === 'Directory') && node.type === 'string' ? `: write {"class": "${type.kind}", "path": "<id>"}` : '';
  check.reporter.report(node, 'sbg.input-type', `${capitalise(describe(place))} takes ${expected}, not ${describeActual(node)}${hint || fileHint}.`, { id: check.portId });
}

function hintTypes(type: PortType): ('boolean' | 'integer' | 'number')[] {
  switch (type.kind) {
    case 'boolean':
      return ['boolean'];
    case 'int':
    case 'long':
      return ['integer'];
    case 'float':
    case 'double':
      return ['number'];
    default:
      return [];
  }
}

function classOf(node: Node): unknown {
  for (const property of node.children ?? []) {
    if (property.children?.[0]?.value === 'class') return property.children[1]?.value;
  }
  return undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
