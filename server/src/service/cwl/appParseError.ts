/**
 * Thrown when a document is not a CWL app this model can read. The message names the
 * offending part (the input id, the key) and what was expected, so it can be shown as is.
 */
export class AppParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AppParseError';
  }
}

/** A short rendering of a raw value for error messages: enough to recognise, never huge. */
export function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
