/**
 * New Task File from Outputs: which inputs of the chosen app the files fit, and with what value.
 * A File, File[] or File|File[] input that declares file types (`sbg:fileTypes`) takes the files
 * whose names end in one of them: a File input the first, a File[] input all of them, a
 * File|File[] input one file as a File and several as a list. An input that declares no file types
 * would take any file, so the choice is left to the user (a placeholder when it is required).
 * Works on the language server's port model, as the skeleton does.
 */
import { fileTypeOf, type AppModel, type PortType } from '../../../server/src/service';

export interface FileForInput {
  fileId: string;
  name: string;
}

type Slot = 'single' | 'list' | 'either';

/** Input id → value, for the inputs the files fit. */
export function prefillFromFiles(model: AppModel, files: readonly FileForInput[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const port of model.inputs) {
    const slot = fileSlot(port.type);
    if (!slot || !port.fileTypes || port.fileTypes.length === 0) continue;
    const fitting = files.filter((file) => fileTypeOf(file.name, port.fileTypes) !== undefined);
    if (fitting.length === 0) continue;
    const objects = fitting.map((file) => ({ class: 'File', path: file.fileId, name: file.name }));
    values[port.id] = slot === 'list' || (slot === 'either' && objects.length > 1) ? objects : objects[0];
  }
  return values;
}

function fileSlot(type: PortType): Slot | undefined {
  const isFile = (member: PortType) => member.kind === 'File';
  const isFileList = (member: PortType) => member.kind === 'array' && member.items.kind === 'File';
  if (isFile(type)) return 'single';
  if (isFileList(type)) return 'list';
  if (type.kind !== 'union') return undefined;
  const single = type.members.some(isFile);
  const list = type.members.some(isFileList);
  return single && list ? 'either' : single ? 'single' : list ? 'list' : undefined;
}
