/**
 * Runs one asynchronous provider lookup for completion. A lookup that is missing, fails or is
 * aborted gives no items: completion then offers what it knows without the platform, and never
 * throws (STYLE.md: failures of live data are silent).
 */
export async function lookup<T>(call: (() => Promise<T[]>) | undefined, signal?: AbortSignal): Promise<T[]> {
  if (!call || signal?.aborted) return [];
  try {
    const result = await call();
    return signal?.aborted || !Array.isArray(result) ? [] : result;
  } catch {
    return [];
  }
}
