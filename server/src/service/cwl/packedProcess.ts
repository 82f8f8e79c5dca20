/**
 * Which process of a packed CWL document (`$graph`) is the app (issue 12 §2). cwltool reads
 * `FILE#ID` as that process, and `FILE` alone as `#main`; when there is no `#main`, the one
 * process is the app, or the one process no other runs (a workflow its tools serve). Anything
 * else is ambiguous, and the message lists the ids to choose from.
 */
import { AppParseError } from './appParseError';
import { isObject, stripPackedPrefix } from './types';

/** Thrown when a packed document holds several candidate apps; `ids` are their short ids. */
export class AmbiguousProcessError extends AppParseError {
  constructor(message: string, readonly ids: string[]) {
    super(message);
    this.name = 'AmbiguousProcessError';
  }
}

type Process = Record<string, unknown>;

/**
 * The process `processId` names (with or without `#`), or the document's app; a document that is
 * not packed is its own app (a `processId` then must be its own id, when it has one).
 */
export function selectProcess(document: Process, processId?: string): Process {
  if (!Array.isArray(document.$graph)) {
    if (processId !== undefined && typeof document.id === 'string' && shortId(document.id) !== shortId(processId)) {
      throw new AppParseError(`the document is not packed ("$graph") and its id is "${document.id}", not "${processId}"`);
    }
    return document;
  }
  const processes = document.$graph.filter((item): item is Process => isObject(item) && typeof item.id === 'string');
  const withVersion = (process: Process): Process => ({ cwlVersion: document.cwlVersion, ...process });
  const ids = processes.map((process) => shortId(process.id as string));
  if (processId !== undefined) {
    const chosen = processes.find((process) => shortId(process.id as string) === shortId(processId));
    if (!chosen) {
      throw new AmbiguousProcessError(`the packed CWL document ("$graph") has no process with id "#${shortId(processId)}"; its processes are ${describeIds(processes)}`, ids);
    }
    return withVersion(chosen);
  }
  const main = processes.find((process) => shortId(process.id as string) === 'main');
  if (main) return withVersion(main);
  if (processes.length === 1) return withVersion(processes[0]);
  const run = new Set(processes.flatMap(runReferences));
  const roots = processes.filter((process) => !run.has(shortId(process.id as string)));
  if (roots.length === 1) return withVersion(roots[0]);
  if (processes.length === 0) {
    throw new AppParseError('the packed CWL document ("$graph") holds no process with an "id"');
  }
  const candidates = roots.length > 0 ? roots : processes;
  throw new AmbiguousProcessError(
    `the packed CWL document ("$graph") has no "#main" and ${candidates.length} processes that could be the app: ${describeIds(candidates)}; choose one by its id`,
    candidates.map((process) => shortId(process.id as string)),
  );
}

/** The short ids of the processes a workflow's steps run (`run: "#bwa"`), steps as a list or a map. */
function runReferences(process: Process): string[] {
  const steps = Array.isArray(process.steps) ? process.steps : isObject(process.steps) ? Object.values(process.steps) : [];
  return steps.flatMap((step) => (isObject(step) && typeof step.run === 'string' ? [shortId(step.run)] : []));
}

function describeIds(processes: Process[]): string {
  return processes.map((process) => `"#${shortId(process.id as string)}"${typeof process.class === 'string' ? ` (${process.class})` : ''}`).join(', ');
}

/** `#main`, `main`, `file.cwl#main` all name `main`; a nested `#wf/step` keeps its whole path after `#`. */
function shortId(id: string): string {
  const hash = id.lastIndexOf('#');
  const fragment = hash >= 0 ? id.slice(hash + 1) : id;
  return fragment === '' ? stripPackedPrefix(id) : fragment;
}
