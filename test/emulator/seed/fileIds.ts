import { hexId } from '../ids';

/** The id of a seed file or folder, derived from its project and name. */
export function fileIdOf(project: string, name: string): string {
  return hexId(`file:${project}/${name}`);
}

/** The id of a project's root folder. */
export function rootFolderOf(project: string): string {
  return hexId(`root:${project}`);
}
