/** The app's ports by id, built once per model (models are immutable snapshots). */
import type { AppModel, InputPort, PortType } from '../cwl/model';
import type { TaskContext } from '../providers';

const byModel = new WeakMap<AppModel, Map<string, InputPort>>();

export function portsById(model: AppModel): Map<string, InputPort> {
  let ports = byModel.get(model);
  if (!ports) {
    ports = new Map(model.inputs.map((port) => [port.id, port]));
    byModel.set(model, ports);
  }
  return ports;
}

/** The app's model when the wiring has it ready. */
export function readyModel(context: TaskContext): AppModel | undefined {
  return context.app?.state === 'ready' ? context.app.model : undefined;
}

/** Whether a port takes files or folders (directly, in a list, in a union). */
export function takesFiles(type: PortType): boolean {
  switch (type.kind) {
    case 'File':
    case 'Directory':
      return true;
    case 'array':
      return takesFiles(type.items);
    case 'union':
      return type.members.some(takesFiles);
    default:
      return false;
  }
}
