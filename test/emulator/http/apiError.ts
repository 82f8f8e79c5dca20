/**
 * The platform's error answers: `{status, code, message, more_info}` (docs/PLATFORM.md#error-answers-and-codes). Every
 * refusal the emulator gives is one of these, built here so codes and texts stay in one place.
 */
export interface ErrorBody {
  status: number;
  code: number;
  message: string;
  more_info: string;
}

const MORE_INFO = 'https://docs.sevenbridges.com/docs/errors-codes';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }

  body(): ErrorBody {
    return { status: this.status, code: this.code, message: this.message, more_info: MORE_INFO };
  }
}

export const apiErrors = {
  maintenance: () => new ApiError(503, 0, 'The platform is under maintenance. Please try again later.'),
  unauthorized: () => new ApiError(401, 90001, 'Unauthorized: the authentication token is missing or invalid.'),
  expiredToken: () => new ApiError(401, 90001, 'Unauthorized: the authentication token has expired. Generate a new one.'),
  rateLimited: (resetEpochSeconds: number, nowMs: number) =>
    new ApiError(
      429,
      1000,
      `Rate limit exceeded! The limit resets at ${new Date(resetEpochSeconds * 1000).toISOString()} ` +
        `(in ${Math.max(0, Math.ceil(resetEpochSeconds - nowMs / 1000))} s); check the X-RateLimit-* response headers.`,
    ),
  badRequest: (message: string) => new ApiError(400, 90000, message),
  notFoundRoute: (path: string) => new ApiError(404, 90003, `Not found: no API resource at ${path}.`),
  methodNotAllowed: (method: string, path: string) => new ApiError(405, 90006, `Method ${method} is not allowed on ${path}.`),
  undecodableBody: (why: string) => new ApiError(400, 90009, `The request body could not be decoded: ${why}`),
  projectForbidden: (id: string) => new ApiError(403, 3001, `Insufficient privileges to access the project ${id}.`),
  projectNotFound: (id: string) => new ApiError(404, 3002, `Project ${id} does not exist.`),
  malformedProjectId: (id: string) => new ApiError(400, 3012, `Malformed project id "${id}". Expecting \`owner/project\`.`),
  fileNotFound: (id: string) => new ApiError(404, 5002, `File ${id} does not exist.`),
  fileForbidden: (id: string) => new ApiError(403, 5001, `Insufficient privileges to access the file ${id}.`),
  malformedProjectQuery: (project: string) => new ApiError(400, 5005, `Malformed project query parameter "${project}". Expecting \`?project=owner/project\`.`),
  projectOrParentMissing: () => new ApiError(400, 5029, 'Missing `parent` or `project` field: give one of them to list files.'),
  projectAndParent: () => new ApiError(400, 5031, 'Providing both `parent` and `project` is not allowed.'),
  conflict: (message: string) => new ApiError(409, 90007, `Conflict. ${message}`),
  appForbidden: (id: string) => new ApiError(403, 6001, `Insufficient privileges to access the app ${id}.`),
  appNotFound: (id: string) => new ApiError(404, 6002, `App ${id} does not exist (or has no such revision).`),
  malformedAppId: (id: string) =>
    new ApiError(400, 6011, `Malformed app id "${id}". Expecting \`owner/project/app_name/revision\`.`),
  taskForbidden: (id: string) => new ApiError(403, 7001, `Insufficient privileges to access the task ${id}.`),
  taskNotFound: (id: string) => new ApiError(404, 7002, `Task ${id} does not exist.`),
  taskIdNotUuid: (id: string) => new ApiError(400, 7005, `Task ID must be a valid UUID, got "${id}".`),
  invalidStatus: (status: string) =>
    new ApiError(400, 7006, `Invalid status "${status}". Allowed values: QUEUED, DRAFT, RUNNING, COMPLETED, ABORTED, ABORTING, FAILED.`),
  onlyDraft: (action: string, status: string) =>
    new ApiError(400, 7007, `Action "${action}" is only available for DRAFT tasks; this task is ${status}.`),
  notAbortable: (status: string) =>
    new ApiError(400, 7011, `Action "abort" is only available for tasks in CREATING, RUNNING or QUEUED status; this task is ${status}.`),
  appIdEmpty: () => new ApiError(400, 7015, 'App ID must not be empty.'),
  emptyBatchInput: () => new ApiError(400, 7018, 'batch_input must reference an input id of the app, or be omitted (it must not be empty).'),
  unknownBatchInput: (id: string) => new ApiError(400, 7018, `batch_input "${id}" is not an input of the app.`),
  missingBatchCriteria: () => new ApiError(400, 7019, 'Missing batch criteria: batch_by of type "criteria" needs a non-empty "criteria" list such as ["metadata.sample_id"].'),
  invalidBatchType: (type: unknown) => new ApiError(400, 7020, `Invalid batch type ${JSON.stringify(type)}. Allowed values: [criteria, item].`),
  batchOnlyOnSubmit: () => new ApiError(400, 7021, 'Disabling batching is only possible when submitting a task for execution.'),
  batchDisableNotBatch: () => new ApiError(400, 7022, 'Disabling batching is only possible for BATCH tasks.'),
  batchPair: () => new ApiError(400, 7023, 'batch_by and batch_input must be given together.'),
  missingInputs: (ids: string[]) => new ApiError(400, 7012, `Missing inputs: ${ids.join(', ')}.`),
  validationErrors: () => new ApiError(400, 7024, 'Task can not be started due to validation errors; see the task\'s "errors".'),
  editOnlyDraft: (status: string) =>
    new ApiError(400, 7026, `Editing is only possible for DRAFT tasks; this task is ${status} and can only be renamed.`),
  deleteOnlyDraft: (status: string) => new ApiError(400, 7007, `Only DRAFT tasks can be deleted; this task is ${status}.`),
};
