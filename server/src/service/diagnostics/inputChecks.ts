/**
 * Checks `inputs` against the app's ports: unknown ids (nearest port named), required ports
 * missing or null, and every value against its port's type. A list of Files on a single-File
 * port is right when that port is the `batch_input`: each child task gets one file.
 */
import type { AppModel, InputPort } from '../cwl/model';
import type { TaskContext } from '../providers';
import { propertyOf, stringOf, valueOf, keyOf, type Node } from '../document/taskDocument';
import { typeToString } from '../cwl/typeNotation';
import { typePhrase } from './typePhrases';
import { portIds, portsById } from './appPorts';
import { nearest, listChoices } from './nearest';
import { checkFileObject, checkItems, checkPortValue, reportMissingFiles, type ValueCheck } from './portValue';
import type { Reporter } from './report';
import type { Reuse } from './reuse';
import { NodeKind } from '../document/syntaxTree';

export function checkInputs(root: Node, model: AppModel, context: TaskContext, reporter: Reporter, reuse?: Reuse): void {
  const ports = portsById(model);
  const inputsProperty = propertyOf(root, 'inputs');
  const inputs = inputsProperty?.children?.[1];
  if (inputs && inputs.type !== 'object') return; // the body check reports the wrong type
  const batchInput = stringOf(valueOf(root, 'batch_input'));
  const present = new Set<string>();
  for (const property of inputs?.children ?? []) {
    if (reporter.full) break;
    const [keyNode, value] = property.children ?? [];
    if (!keyNode) continue;
    const id = keyNode.value as string;
    present.add(id);
    const port = ports.get(id);
    if (!port) {
      reportUnknownInput(keyNode, id, model, reporter);
      continue;
    }
    if (!value) continue;
    if (value.type === 'null') {
      if (port.required) {
        reporter.report(value, 'sbg.missing-required-input', `Input '${id}' is required, so it cannot be null: give it ${typePhrase(port.type)}.`, { id });
      }
      continue;
    }
    const check: ValueCheck = { reporter, context, portId: id, reuse };
    checkValue(value, port, id === batchInput, check);
    reportMissingFiles(keyNode, check);
  }
  const missing = model.inputs.filter((port) => port.required && !present.has(port.id));
  if (missing.length === 0) return;
  const anchor = inputsProperty ? keyOf(inputsProperty) : (keyOf(propertyOf(root, 'app') ?? root) ?? root);
  const span = anchor && anchor !== root ? anchor : { offset: root.offset, length: 1 };
  for (const port of missing) {
    reporter.report(span, 'sbg.missing-required-input', `Missing required input '${port.id}' (${typeToString(port.type)}): add it under "inputs".`, { id: port.id });
  }
}

function checkValue(value: Node, port: InputPort, isBatchInput: boolean, check: ValueCheck): void {
  const place = { label: `input '${port.id}'` };
  if (isBatchInput && value.type === 'array' && port.type.kind !== 'array' && !(port.type.kind === 'union' && port.type.members.some((m) => m.kind === 'array'))) {
    checkItems(value, port.type, false, place, check);
  } else {
    checkPortValue(value, port.type, place, check);
  }
}

function reportUnknownInput(keyNode: Node, id: string, model: AppModel, reporter: Reporter): void {
  const ids = portIds(model);
  const suggestion = nearest(id.replace(/^#/, ''), ids, reporter.suggestions);
  const fix = suggestion ? `did you mean '${suggestion}'?` : ids.length ? `its inputs are ${listChoices(ids, 12)}.` : 'it has no inputs.';
  reporter.report(keyNode, 'sbg.unknown-input', `The app has no input '${id}': ${fix}`, { id, suggestion });
}

/**
 * Without the app's ports only the File and Directory objects can be judged: their `class`,
 * their `path` id and, when known, whether the file exists (an explicit stack, not recursion).
 */
export function checkFilesWithoutApp(root: Node, context: TaskContext, reporter: Reporter): void {
  const inputs = valueOf(root, 'inputs');
  if (inputs?.type !== 'object') return;
  const { tree } = inputs;
  for (let property = tree.firstChild(inputs.row); property >= 0; property = tree.nextSibling(property)) {
    const value = tree.propertyValue(property);
    if (value < 0) continue;
    const id = tree.value(tree.firstChild(property)) as string;
    const check: ValueCheck = { reporter, context, portId: id };
    // Rows are in document order and a subtree ends at `ends`: one pass finds the File and
    // Directory objects at any depth, in order, without a node view per file.
    for (let row = value, end = tree.ends[value]; row < end && !reporter.full; row++) {
      if (tree.kinds[row] !== NodeKind.Object) continue;
      const fileClass = tree.propertyValue(tree.property(row, 'class'));
      const kind = fileClass < 0 ? undefined : tree.isString(fileClass, 'File') ? 'File' : tree.isString(fileClass, 'Directory') ? 'Directory' : undefined;
      if (!kind) continue;
      checkFileObject(tree, row, kind, { label: `input '${id}'` }, check);
      row = tree.ends[row] - 1; // its own fields (secondary files) are the object's business
    }
    reportMissingFiles(tree.view(tree.firstChild(property)), check);
  }
}
