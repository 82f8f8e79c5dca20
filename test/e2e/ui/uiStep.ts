/** One step of the UI run: what a user does and sees, in order; later steps build on earlier ones. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Emulator } from '../../emulator';
import type { TaskFileName } from './taskFiles';
import type { Workbench } from './workbench';

export interface StepContext {
  readonly workbench: Workbench;
  readonly emulator: Emulator;
  readonly workspace: string;
}

export interface UiStep {
  readonly title: string;
  run(context: StepContext): Promise<void>;
}

/** Where `needle` first appears in the saved file: line and column from 1, as the Problems panel counts. */
export function placeOf(workspace: string, file: TaskFileName, needle: string): { line: number; column: number } {
  const lines = fs.readFileSync(path.join(workspace, file), 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes(needle));
  if (line < 0) throw new Error(`${file} has no ${needle}`);
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}
