/** Where a CLI command writes, so tests and main share one shape. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

/** Exit codes shared by every command: 0 fine, 1 the input has errors, 2 could not run. */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_FAILED = 2;
/** `create` only: the request may have reached the platform but no answer said whether the task exists. */
export const EXIT_UNKNOWN = 3;
