/**
 * The handlers of the language server's data requests (server/src/protocol): each answers
 * through the signed-in platform client, so in VS Code every platform request goes through the
 * extension host: one rate-limit budget, VS Code's proxy and certificates. A request that cannot
 * be answered becomes a ResponseError with `DataErrorData`, which the server turns into "not
 * known" (never a red squiggle). No VS Code API here, so it is tested in plain Node.
 */
import { ResponseError } from 'vscode-jsonrpc';
import type { SbgClient } from '../../../platform/src/client';
import { APP_LIST_FIELDS, DataRequests, FILE_LIST_FIELDS, PROJECT_LIST_FIELDS, dataErrorData, type DataErrorData, type DataParams, type DataResult } from '../../../server/src/protocol';

export interface DataRequestSource {
  /** The signed-in client, or undefined when signed out. */
  getClient(): SbgClient | undefined;
  /** False in an untrusted workspace: then nothing is sent. */
  isTrusted(): boolean;
}

/** A handler as the language client registers it: by method name, params as they came over the wire. */
export type DataRequestHandler = (params: unknown, signal: AbortSignal) => Promise<unknown>;

/** Files listed for completion when the server does not say how many. */
const DEFAULT_FILE_LIMIT = 50;
/** The API filters file names only exactly, so substring matches are found by paging; this bounds the pages of any list. */
const MAX_ITEMS_SCANNED = 2000;
/** JSON-RPC error code for data errors (application range). */
const DATA_ERROR_CODE = -32001;

type Requests = typeof DataRequests;
/** One answer per data request, typed by the request: a request without an answer does not compile. */
type Answers = {
  [K in keyof Requests]: (client: SbgClient, params: DataParams<Requests[K]>, signal: AbortSignal) => Promise<DataResult<Requests[K]>>;
};

const answers: Answers = {
  getApp: (client, params, signal) => client.getApp(params.appId, { revision: params.revision, signal }),
  getProject: (client, params, signal) => client.getProject(params.projectId, { signal }),
  listProjects: (client, _params, signal) => collect(client.allProjects({ signal, fields: PROJECT_LIST_FIELDS })),
  listApps: (client, params, signal) => collect(client.allApps({ project: params.projectId, signal, fields: APP_LIST_FIELDS }), undefined, stripRaw),
  listFiles: (client, params, signal) =>
    collect(
      client.allFiles({ project: params.projectId }, { signal, fields: FILE_LIST_FIELDS }),
      params.limit ?? DEFAULT_FILE_LIMIT,
      undefined,
      (file) => file.name.toLowerCase().includes(params.nameFilter.toLowerCase()),
    ),
  bulkGetFiles: (client, params, signal) => client.bulkGetFiles(params.fileIds, { signal }),
};

/** Every data request's handler by method name; each refuses while untrusted or signed out. */
export function dataRequestHandlers(source: DataRequestSource): Record<string, DataRequestHandler> {
  const names = Object.keys(answers) as (keyof Requests)[];
  return Object.fromEntries(
    names.map((name) => {
      const answer = answers[name] as (client: SbgClient, params: unknown, signal: AbortSignal) => Promise<unknown>;
      const handler: DataRequestHandler = async (params, signal) => {
        if (!source.isTrusted()) throw dataError({ kind: 'untrusted', message: 'The workspace is not trusted, so no request is sent to the platform.' });
        const client = source.getClient();
        if (!client) throw dataError({ kind: 'signed-out', message: 'Not signed in to a Seven Bridges environment.' });
        try {
          return await answer(client, params, signal);
        } catch (error) {
          // The server's own reading of a failure, so a 401 means "signed out" whether the
          // server asked us or the platform directly.
          throw dataError(dataErrorData(error));
        }
      };
      return [DataRequests[name].method, handler];
    }),
  );
}

function dataError(data: DataErrorData): ResponseError<DataErrorData> {
  return new ResponseError(DATA_ERROR_CODE, data.message, data);
}

async function collect<T>(
  items: AsyncIterable<T>,
  limit = Number.POSITIVE_INFINITY,
  map: (item: T) => T = (item) => item,
  keep: (item: T) => boolean = () => true,
): Promise<T[]> {
  const result: T[] = [];
  let scanned = 0;
  for await (const item of items) {
    if (keep(item)) result.push(map(item));
    if (result.length >= limit || ++scanned >= MAX_ITEMS_SCANNED) break;
  }
  return result;
}

/** Lists feed completion; the server fetches `raw` per app when it needs the ports. */
function stripRaw<T extends { raw?: unknown }>(app: T): T {
  const { raw: _raw, ...rest } = app;
  return rest as T;
}
