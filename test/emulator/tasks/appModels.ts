/**
 * The port model of each app revision, read once with the language server's `parseApp` (the
 * emulator checks values itself; only the reading of CWL types is shared).
 */
import type { App } from '../../../platform/src/types';
import type { AppModel } from '../../../server/src/service/cwl/model';
import { parseApp } from '../../../server/src/service/cwl/parseApp';
import type { OutputPort } from '../files/taskFiles';
import type { AppFacts } from './engine';

export class AppModels {
  private readonly models = new WeakMap<App, AppModel>();

  /** The ports of an app; an app whose CWL cannot be read is treated as having no ports. */
  model(app: App): AppModel {
    let model = this.models.get(app);
    if (!model) {
      try {
        model = parseApp(app.raw);
      } catch {
        model = { cwlVersion: String(app.raw?.cwlVersion ?? 'unknown'), inputs: [] };
      }
      this.models.set(app, model);
    }
    return model;
  }

  facts(app: App): AppFacts {
    const ports = new Map(this.model(app).inputs.map((port) => [port.id, port]));
    return {
      steps: idsOf(app.raw?.steps, app.name),
      outputIds: idsOf(app.raw?.outputs),
      outputPorts: outputPortsOf(app.raw?.outputs),
      isArrayInput: (inputId) => {
        const type = ports.get(inputId)?.type;
        return type?.kind === 'array' || (type?.kind === 'union' && type.members.some((member) => member.kind === 'array'));
      },
    };
  }
}

/** Ids of a CWL list (`[{id}]`) or map (`{id: ...}`) section, without a leading `#`. */
function idsOf(section: unknown, fallback?: string): string[] {
  let ids: string[] = [];
  if (Array.isArray(section)) {
    ids = section.map((entry) => String((entry as { id?: unknown })?.id ?? '')).filter((id) => id !== '');
  } else if (typeof section === 'object' && section !== null) {
    ids = Object.keys(section);
  }
  ids = ids.map((id) => id.replace(/^#/, '').split('/').pop()!);
  return ids.length === 0 && fallback ? [fallback] : ids;
}

/** Each output port: whether it is an array, and its files' extension (from sbg:fileTypes or the glob). */
function outputPortsOf(section: unknown): OutputPort[] {
  const entries: [string, Record<string, unknown>][] = Array.isArray(section)
    ? section.map((entry) => [String((entry as { id?: unknown })?.id ?? ''), entry as Record<string, unknown>])
    : typeof section === 'object' && section !== null
      ? Object.entries(section as Record<string, unknown>).map(([id, entry]) => [id, (typeof entry === 'object' && entry !== null ? entry : { type: entry }) as Record<string, unknown>])
      : [];
  return entries
    .filter(([id]) => id !== '')
    .map(([id, port]) => {
      const type = JSON.stringify(port.type ?? '');
      const fileTypes = String(port['sbg:fileTypes'] ?? '').split(',')[0].trim().toLowerCase();
      const glob = /\*\.([A-Za-z0-9.]+)/.exec(JSON.stringify((port.outputBinding as Record<string, unknown> | undefined)?.glob ?? ''))?.[1]?.toLowerCase();
      return { id: id.replace(/^#/, '').split('/').pop()!, isArray: /"array"|\[\]/.test(type), extension: fileTypes || glob || 'txt' };
    });
}
