/**
 * A client wired to a fresh emulator for the platform tests: emulated time for every wait,
 * and every log entry, wait notice and error message kept so tests can assert on them
 * (for instance, that the token appears in none).
 */
import { ClientOptions, RequestLogEntry, SbgClient } from '../../platform/src/client';
import { Emulator, EmulatorOptions, startEmulator } from '../emulator/index';
export { rejectionOf } from './rejection';

export const ENVIRONMENT_NAME = 'the emulator';

export interface ClientHarness {
  client: SbgClient;
  /** onRequest entries, in order. */
  log: RequestLogEntry[];
  waits: { reason: 'rate-limit' | 'maintenance'; untilMs: number }[];
}

export function startPlatform(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ corpusDir: null, ...options });
}

export function clientFor(emulator: Emulator, options: Partial<ClientOptions> = {}): ClientHarness {
  const log: RequestLogEntry[] = [];
  const waits: ClientHarness['waits'] = [];
  const client = new SbgClient({
    baseUrl: emulator.url,
    token: emulator.token,
    environmentName: ENVIRONMENT_NAME,
    clock: emulator.clock(),
    ...options,
    onRequest: (entry) => {
      log.push(entry);
      options.onRequest?.(entry);
    },
    onWait: (info) => {
      waits.push(info);
      options.onWait?.(info);
    },
  });
  return { client, log, waits };
}

/** Requests the emulator logged for one route key ('POST /tasks'), with their statuses. */
export function statusesOf(emulator: Emulator, routeKey: string): number[] {
  return emulator.requests.filter((request) => request.routeKey === routeKey).map((request) => request.status);
}
