/**
 * The `sbgTasks.*` settings the server reads: per-family severities of diagnostics and whether
 * live checks (project and file existence) run. Read per document through
 * `workspace/configuration` when the client supports it, else from didChangeConfiguration.
 */
import type { Connection } from 'vscode-languageserver/node';
import { diagnosticCodes, type DiagnosticFamily, type SeveritySetting, type ValidationSettings } from './service/diagnostics/codes';

export interface ServerSettings {
  validation: ValidationSettings;
  /** `sbgTasks.validation.liveChecks` (default true). */
  liveChecks: boolean;
}

/** The `sbgTasks` section as a client sends it; anything may be missing or of the wrong type. */
interface RawSettings {
  diagnostics?: { severity?: unknown };
  validation?: { liveChecks?: unknown };
}

const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);
const FAMILIES = new Set<string>(Object.values(diagnosticCodes).map((info) => info.family));

export function readSettings(raw: unknown): ServerSettings {
  const section = (typeof raw === 'object' && raw !== null ? raw : {}) as RawSettings;
  const severities: Partial<Record<DiagnosticFamily, SeveritySetting>> = {};
  const given = section.diagnostics?.severity;
  if (typeof given === 'object' && given !== null) {
    for (const [family, value] of Object.entries(given)) {
      if (FAMILIES.has(family) && typeof value === 'string' && SEVERITIES.has(value)) {
        severities[family as DiagnosticFamily] = value as SeveritySetting;
      }
    }
  }
  const liveChecks = section.validation?.liveChecks;
  return {
    validation: { severities },
    liveChecks: typeof liveChecks === 'boolean' ? liveChecks : true,
  };
}

/** Settings per document, fetched once and kept until the configuration changes. */
export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<ServerSettings>>();
  private global: ServerSettings = readSettings(undefined);

  constructor(private readonly connection: Connection, private readonly pullsConfiguration: () => boolean) {}

  get(uri: string): Promise<ServerSettings> {
    if (!this.pullsConfiguration()) return Promise.resolve(this.global);
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'sbgTasks' })
        .then(readSettings, () => this.global);
      this.perDocument.set(uri, settings);
    }
    return settings;
  }

  /** didChangeConfiguration: clients that are asked forget their answers; others send the new settings. */
  changed(settings: unknown): void {
    this.perDocument.clear();
    const section = (settings as { sbgTasks?: unknown } | undefined)?.sbgTasks;
    if (section !== undefined) this.global = readSettings(section);
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }
}
