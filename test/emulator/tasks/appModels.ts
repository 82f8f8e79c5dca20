/**
 * The port model of each app revision, read once with the language server's `parseApp` (the
 * emulator checks values itself; only the reading of CWL types is shared).
 */
import type { App } from '../../../platform/src/types';
import type { AppModel } from '../../../server/src/service/cwl/model';
import { parseApp } from '../../../server/src/service/cwl/parseApp';
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
