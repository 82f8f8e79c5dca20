/**
 * What both sides of the data requests (index.ts) read alike without sending a message: how a
 * failed platform call reads (the `data` of the client's ResponseError, and the server's own
 * DataError when it asks the platform itself), and the fields a file listing asks for. Apart
 * from index.ts so the CLI, which sends no LSP message, does not bundle the JSON-RPC library.
 */

/**
 * The `fields` a file listing asks for: everything completion and hover read. Without it a list
 * answers a default subset that may lack size and metadata (docs/PLATFORM.md#the-fields-selector).
 */
export const FILE_LIST_FIELDS = 'id,name,type,size,project,parent,metadata';
/** The `fields` a project listing asks for: what the project pickers and completion show. */
export const PROJECT_LIST_FIELDS = 'id,name';
/** The `fields` an app listing asks for: what the app pickers and completion show (the latest revision included). */
export const APP_LIST_FIELDS = 'id,project,name,revision';

/** `data` of a ResponseError answering a data request. */
export interface DataErrorData {
  kind: 'signed-out' | 'offline' | 'untrusted' | 'http';
  status?: number;
  code?: number;
  message: string;
}

/**
 * Any failure of a platform call: the platform client's errors keep their HTTP status; no answer
 * at all (network, timeout) is "offline"; 401 is "signed-out". The message never carries a token
 * (the platform client's messages do not).
 */
export function dataErrorData(error: unknown): DataErrorData {
  const candidate = error as { status?: unknown; code?: unknown; message?: unknown } | undefined;
  const message = typeof candidate?.message === 'string' ? candidate.message : String(error);
  if (typeof candidate?.status === 'number' && candidate.status > 0) {
    const code = typeof candidate.code === 'number' ? candidate.code : undefined;
    return { kind: candidate.status === 401 ? 'signed-out' : 'http', message, status: candidate.status, code };
  }
  return { kind: 'offline', message };
}
