/** How much of a job's log is shown (its tail) and how much may be read from a server that ignores ranges. No VS Code here, so the bench measures the same numbers. */
export const LOG_TAIL_BYTES = 64 * 1024;
export const LOG_CAP_BYTES = 64 * 1024 * 1024;
