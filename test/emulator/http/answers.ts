/**
 * How resources look in answers, as opposed to how the emulator keeps them (docs/PLATFORM.md#inputs-as-the-platform-answers-them):
 * File objects in a task's `inputs` filled in by the platform (`name`, `size`, `metadata`,
 * `dirname` beside `class` and `path`, corpus sevenbridges2_fixture_task_inputs_raw.json), file
 * `type` in the case the `file-type` variant says, and list items without `fields` cut to a
 * default subset unless the `list-fields` variant says every field.
 */
import type { PlatformFile, Task } from '../../../platform/src/types';
import type { Store } from '../store';
import type { Variants } from '../variants';

/** The `listDefault` to give pageReply: the route's subset, or none under `list-fields=all`. */
export function listDefault(variants: Variants, subset: readonly string[]): readonly string[] | undefined {
  return variants['list-fields'] === 'all' ? undefined : subset;
}

/** A file as answers show it: `type` upper-case (`FILE`, `FOLDER`) or lower-case by the variant. */
export function fileAnswer(file: PlatformFile, variants: Variants): PlatformFile {
  const type = (file.type ?? 'file').toLowerCase();
  return { ...file, type: variants['file-type'] === 'upper' ? type.toUpperCase() : type };
}

/** A task as answers show it: its inputs' File objects filled in from the files they name. */
export function taskAnswer(task: Task, store: Store): Task {
  if (!task.inputs) return task;
  return { ...task, inputs: Object.fromEntries(Object.entries(task.inputs).map(([id, value]) => [id, filled(value, store)])) };
}

function filled(value: unknown, store: Store): unknown {
  if (Array.isArray(value)) return value.map((item) => filled(item, store));
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  if (object.class !== 'File' || typeof object.path !== 'string') return value;
  const file = store.files.get(object.path);
  if (!file) return value;
  return { ...object, name: file.name, size: file.size ?? 0, metadata: file.metadata ?? {}, dirname: dirnameOf(file, store) };
}

/** `/Projects/<project root folder id>/<folder>/…/` as the platform writes it. */
function dirnameOf(file: PlatformFile, store: Store): string {
  const folders: string[] = [];
  const root = store.projects.get(file.project ?? '')?.project.root_folder;
  for (let parent = file.parent ? store.files.get(file.parent) : undefined; parent; parent = parent.parent ? store.files.get(parent.parent) : undefined) {
    folders.unshift(parent.name);
  }
  return `/Projects/${[root ?? file.project, ...folders].join('/')}/`;
}
