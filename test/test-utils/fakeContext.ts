/**
 * Fakes of the providers (server/src/service/providers.ts) built from small apps written in
 * the canonical type notation the CLI prints (issue 3 §1): `File`, `File[]`, `int?`,
 * `enum(a|b)`, `record{f: File, g: int?}`, `File|Directory`, `(File|null)[]`. A trailing `?`
 * makes the port optional; `= value` after the type gives it a CWL default.
 */
import type { AppModel, InputPort, PortType, RecordField } from '../../server/src/service/cwl/model';
import type { AppInfo, AppState, CompletionData, FileInfo, ProjectInfo, TaskContext } from '../../server/src/service/providers';

/** Port id → type notation, e.g. `{ reads: 'File[]', threads: 'int?', mode: 'enum(a|b)' }`. */
export type PortSpec = Record<string, string | (Partial<Omit<InputPort, 'type'>> & { type: string })>;

export function appModel(ports: PortSpec, extra: Partial<Omit<AppModel, 'inputs'>> = {}): AppModel {
  const inputs = Object.entries(ports).map(([id, spec]) => port(id, spec));
  return { cwlVersion: 'v1.0', class: 'Workflow', ...extra, inputs };
}

function port(id: string, spec: PortSpec[string]): InputPort {
  const { type: notation, ...rest } = typeof spec === 'string' ? { type: spec } : spec;
  const [typeText, defaultText] = notation.split(/\s*=\s*/, 2);
  const optional = typeText.endsWith('?');
  const type = parseType(optional ? typeText.slice(0, -1) : typeText);
  const result: InputPort = { id, type, required: !optional && defaultText === undefined, ...rest };
  if (defaultText !== undefined) result.default = JSON.parse(defaultText);
  return result;
}

/** Parses the canonical notation; throws on a typo so a broken fixture fails loudly. */
export function parseType(text: string): PortType {
  let at = 0;
  const peek = () => text[at];
  const skipSpaces = () => {
    while (text[at] === ' ') at++;
  };
  const expect = (s: string) => {
    skipSpaces();
    if (!text.startsWith(s, at)) throw new Error(`type "${text}": expected "${s}" at ${at}`);
    at += s.length;
  };
  const name = () => {
    skipSpaces();
    const start = at;
    while (at < text.length && /[\w.\-#]/.test(text[at])) at++;
    return text.slice(start, at);
  };
  // A union of postfix types; `null` members and `T?` make it nullable: returns [type, nullable].
  const union = (): [PortType, boolean] => {
    const members: PortType[] = [];
    let nullable = false;
    do {
      const [member, memberNullable] = postfix();
      if (member) members.push(member);
      nullable ||= memberNullable;
      skipSpaces();
    } while (peek() === '|' && ++at);
    const type: PortType = members.length === 1 ? members[0] : { kind: 'union', members };
    return [type, nullable];
  };
  const postfix = (): [PortType | undefined, boolean] => {
    let [type, nullable] = primary();
    for (;;) {
      if (text.startsWith('[]', at)) {
        at += 2;
        type = { kind: 'array', items: type ?? { kind: 'any' }, ...(nullable ? { itemsNullable: true } : {}) };
        nullable = false;
      } else if (peek() === '?') {
        at++;
        nullable = true;
      } else {
        return [type, nullable];
      }
    }
  };
  const primary = (): [PortType | undefined, boolean] => {
    skipSpaces();
    if (peek() === '(') {
      at++;
      const [inner, nullable] = union();
      expect(')');
      return [inner, nullable];
    }
    const word = name();
    switch (word) {
      case 'null':
        return [undefined, true];
      case 'File':
      case 'Directory':
      case 'string':
      case 'int':
      case 'long':
      case 'float':
      case 'double':
      case 'boolean':
        return [{ kind: word }, false];
      case 'Any':
      case 'any':
        return [{ kind: 'any' }, false];
      case 'enum': {
        expect('(');
        const close = text.indexOf(')', at);
        const symbols = text.slice(at, close).split('|');
        at = close + 1;
        return [{ kind: 'enum', symbols }, false];
      }
      case 'record': {
        expect('{');
        const fields: RecordField[] = [];
        skipSpaces();
        while (peek() !== '}') {
          const id = name();
          expect(':');
          const [type, nullable] = union();
          fields.push({ id, type, required: !nullable });
          skipSpaces();
          if (peek() === ',') at++;
          skipSpaces();
        }
        expect('}');
        return [{ kind: 'record', fields }, false];
      }
      default:
        throw new Error(`type "${text}": unknown type "${word}" at ${at}`);
    }
  };
  const [type] = union();
  skipSpaces();
  if (at !== text.length) throw new Error(`type "${text}": unexpected "${text.slice(at)}"`);
  return type;
}

export interface FakeContextOptions {
  /** The app the document is checked against: a model, a spec, or a non-ready state. */
  app?: AppModel | PortSpec | AppState;
  /** File id → info; `null`: the platform said it does not exist. Ids not listed are unknown. */
  files?: Record<string, FileInfo | null | Partial<FileInfo>>;
  /** Project id → exists. Ids not listed are unknown. */
  projects?: Record<string, boolean>;
}

export function fakeContext(options: FakeContextOptions = {}): TaskContext {
  const context: TaskContext = {};
  if (options.app) context.app = appState(options.app);
  if (options.files) {
    const files = options.files;
    context.fileInfo = (id) => {
      if (!Object.prototype.hasOwnProperty.call(files, id)) return undefined;
      const info = files[id];
      return info === null ? null : { id, name: `${id}.dat`, ...info };
    };
  }
  if (options.projects) {
    const projects = options.projects;
    context.projectExists = (id) => projects[id];
  }
  return context;
}

function appState(app: AppModel | PortSpec | AppState): AppState {
  const shape = app as { state?: unknown; inputs?: unknown; cwlVersion?: unknown };
  if (typeof shape.state === 'string') return app as AppState;
  if (Array.isArray(shape.inputs) && typeof shape.cwlVersion === 'string') return { state: 'ready', model: app as AppModel };
  return { state: 'ready', model: appModel(app as PortSpec) };
}

export interface FakeCompletionDataOptions {
  projects?: ProjectInfo[];
  apps?: Record<string, AppInfo[]>;
  files?: Record<string, FileInfo[]>;
  metadataKeys?: Record<string, string[]>;
}

/** Completion lookups that answer from the given lists, filtering files as the wiring does. */
export function fakeCompletionData(options: FakeCompletionDataOptions = {}): CompletionData & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async listProjects() {
      calls.push('listProjects');
      return options.projects ?? [];
    },
    async listApps(projectId) {
      calls.push(`listApps ${projectId}`);
      return options.apps?.[projectId] ?? [];
    },
    async listFiles(projectId, nameFilter) {
      calls.push(`listFiles ${projectId} ${nameFilter}`);
      const filter = nameFilter.toLowerCase();
      return (options.files?.[projectId] ?? []).filter((file) => file.name.toLowerCase().includes(filter));
    },
    async listMetadataKeys(projectId) {
      calls.push(`listMetadataKeys ${projectId}`);
      return options.metadataKeys?.[projectId] ?? [];
    },
  };
}
