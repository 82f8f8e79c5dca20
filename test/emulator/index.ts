/**
 * The Seven Bridges Platform emulator, in process: `startEmulator()` serves the v2 API on
 * 127.0.0.1 and returns the controls tests use (clock, faults, maintenance, rate limit, request
 * log, direct store access). See README.md beside this file and docs/ARCHITECTURE.md.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { abortError, systemClock, type Clock } from '../../platform/src/clock';
import { DEFAULT_START_TIME, EmulatorClock } from './clock';
import { adminHandler } from './http/admin';
import { Faults, type Fault } from './http/faults';
import { RateLimiter } from './http/rateLimiter';
import { RequestLog, type RequestRecord } from './http/requestLog';
import { Router } from './http/router';
import { createHandler } from './http/server';
import { EmulatedPlatform } from './platform';
import { addAccountRoutes } from './routes/account';
import { addAppRoutes } from './routes/apps';
import { addFileRoutes } from './routes/files';
import { addProjectRoutes } from './routes/projects';
import { addTaskRoutes } from './routes/tasks';
import { addBulkFiles, type BulkFilesRequest } from './seed/bulkFiles';
import { CORPUS_PROJECT, corpusApps, defaultCorpusDir } from './seed/corpusApps';
import { demoSeed } from './seed/demoSeed';
import { installSeed } from './seed/install';
import type { SeedData } from './seed/seedData';
import { testSeed } from './seed/testSeed';
import { Store } from './store';
import { applyVariants, defaultVariants, type Variants } from './variants';

export type { Fault } from './http/faults';
export type { RequestRecord } from './http/requestLog';
export type { SeedData } from './seed/seedData';
export type { BulkFilesRequest } from './seed/bulkFiles';
export type { Store } from './store';
export { fileIdOf } from './seed/fileIds';
export { VARIANT_VALUES, variantMatrix, type VariantName, type Variants } from './variants';

/** Environment variable read by startEmulator: `NAME=VALUE` settings separated by commas or spaces (the test matrix sets it). */
export const VARIANTS_ENV = 'SBG_EMULATOR_VARIANTS';

export interface EmulatorOptions {
  /** Default 0 (any free port); always bound to 127.0.0.1. */
  port?: number;
  /** Default 'test' (small, deterministic); 'demo' = a few hundred files, apps of every kind. */
  seed?: 'test' | 'demo' | SeedData;
  /** Folder with apps/ of real CWL: default $SBG_CORPUS or <repo>/../shared/corpus; null = none; missing = skipped. */
  corpusDir?: string | null;
  /** manual (default): time moves only by advance(); real: follows wall time. */
  clock?: 'manual' | 'real';
  /** Epoch ms where a manual clock starts (default 2026-01-05T09:00:00Z). */
  startTime?: number;
  /** Default 1000 requests per 300 s per token. */
  rateLimit?: { limit: number; windowSeconds: number };
  /** Share of child/single tasks that end FAILED, deterministic by task id; default 0.1. */
  failShare?: number;
  /** Default random. */
  adminToken?: string;
  /**
   * How to play the facts no public source settles (variants.ts, README.md): `{counters: 'jobs'}`
   * or `['counters=jobs']`. Applied over $SBG_EMULATOR_VARIANTS, which is applied over the defaults.
   */
  variants?: Partial<Variants> | string[];
}

export interface Emulator {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly adminToken: string;
  readonly tokens: { valid: string; other: string; expired: string };
  now(): number;
  advance(seconds: number): void;
  clock(): Clock;
  setFault(route: string, fault: Fault | null): void;
  setMaintenance(on: boolean): void;
  setRateLimit(limit: number, windowSeconds: number): void;
  readonly requests: RequestRecord[];
  counters(): Record<string, number>;
  resetLog(): void;
  /** The variants in force (a copy). */
  variants(): Variants;
  /** Changes variants from now on (already created children and files keep their shape); throws on an unknown name or value. */
  setVariants(settings: Partial<Variants> | string[]): void;
  /** Adds `count` files with names and metadata from templates to a project (seed/bulkFiles.ts); the ids in order. */
  addFiles(request: BulkFilesRequest): string[];
  /** Removes a task whatever its status, as if deleted on the platform meanwhile: it answers 404 from then on. Throws for an unknown id. */
  deleteTask(id: string): void;
  readonly store: Store;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const seed = options.seed === 'demo' ? demoSeed() : options.seed === undefined || options.seed === 'test' ? testSeed() : options.seed;
  const clock = new EmulatorClock(options.clock ?? 'manual', options.startTime ?? DEFAULT_START_TIME);
  const store = new Store();
  const corpusDir = options.corpusDir === undefined ? defaultCorpusDir() : options.corpusDir;
  const corpus = corpusDir === null ? [] : corpusApps(corpusDir);
  if (corpus.length > 0 && !seed.projects.some((project) => project.id === CORPUS_PROJECT)) {
    seed.projects.push({ id: CORPUS_PROJECT, name: 'Corpus apps', members: [seed.users[0].username], category: 'PRIVATE' });
  }
  installSeed(store, { ...seed, apps: [...seed.apps, ...corpus] }, clock.now());

  const variants = applyVariants(applyVariants(defaultVariants(), variantsFromEnv()), options.variants ?? {});
  const platform = new EmulatedPlatform(store, clock, options.failShare ?? 0.1, variants);
  const limiter = new RateLimiter(options.rateLimit?.limit ?? 1000, options.rateLimit?.windowSeconds ?? 300);
  const faults = new Faults();
  const log = new RequestLog();
  const adminToken = options.adminToken ?? randomBytes(16).toString('hex');
  let maintenance = false;
  let origin = '';

  const router = new Router();
  addAccountRoutes(router, platform, (token) => limiter.peek(token, clock.now()));
  addProjectRoutes(router, platform);
  addAppRoutes(router, platform);
  addFileRoutes(router, platform);
  addTaskRoutes(router, platform);

  const advance = (seconds: number) => {
    clock.advance(seconds * 1000);
    platform.catchUp();
  };
  const controls = {
    adminToken,
    advance,
    setFault: (route: string, fault: Fault | null) => faults.set(route, fault),
    setMaintenance: (on: boolean) => {
      maintenance = on;
    },
    setRateLimit: (limit: number, windowSeconds: number) => limiter.configure(limit, windowSeconds),
    requests: () => log.records,
    counters: () => log.counters(),
    resetLog: () => log.reset(),
    now: () => clock.now(),
    tasks: () => [...store.tasks.values()].map((record) => record.task),
    variants: () => ({ ...variants }),
    setVariants: (settings: Partial<Variants> | string[]) => void applyVariants(variants, settings),
    addFiles: (request: BulkFilesRequest) => addBulkFiles(store, request, clock.now()),
    deleteTask: (id: string) => {
      const record = store.task(id);
      if (!record) throw new TypeError(`no task ${id} to delete`);
      store.deleteTask(record);
    },
  };
  const handler = createHandler({
    router,
    store,
    faults,
    limiter,
    log,
    now: () => clock.now(),
    catchUp: () => platform.catchUp(),
    isMaintenance: () => maintenance,
    origin: () => origin,
    admin: adminHandler(controls),
  });
  const server = createServer((request, response) => {
    handler(request, response).catch((error: unknown) => {
      // A bug in a handler: answer like the platform's "unexpected error" rather than hanging.
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ status: 500, code: 90004, message: `Emulator error: ${(error as Error).message}`, more_info: '' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ticker = clock.mode === 'real' ? setInterval(() => platform.catchUp(), 1000) : undefined;
  ticker?.unref();

  const [first, second] = seed.users;
  return {
    url: `${origin}/v2`,
    origin,
    token: first.token,
    adminToken,
    tokens: { valid: first.token, other: second?.token ?? '', expired: first.expiredToken ?? '' },
    now: () => clock.now(),
    advance,
    clock: () => emulatedClock(clock, advance),
    setFault: controls.setFault,
    setMaintenance: controls.setMaintenance,
    setRateLimit: controls.setRateLimit,
    requests: log.records,
    counters: controls.counters,
    resetLog: controls.resetLog,
    variants: controls.variants,
    setVariants: controls.setVariants,
    addFiles: controls.addFiles,
    deleteTask: controls.deleteTask,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        if (ticker) clearInterval(ticker);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function variantsFromEnv(): string[] {
  return (process.env[VARIANTS_ENV] ?? '').split(/[\s,]+/).filter((setting) => setting !== '');
}

/** A platform Clock on emulated time: in manual mode sleeping advances the emulator by the slept time. */
function emulatedClock(clock: EmulatorClock, advance: (seconds: number) => void): Clock {
  if (clock.mode === 'real') return { now: () => clock.now(), sleep: systemClock.sleep };
  return {
    now: () => clock.now(),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(abortError());
        advance(Math.max(0, ms) / 1000);
        // Resolve on a later turn, as a real sleep would, so callers interleave.
        setImmediate(() => (signal?.aborted ? reject(abortError()) : resolve()));
      }),
  };
}
