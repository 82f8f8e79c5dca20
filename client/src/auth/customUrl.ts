/**
 * The Custom API URL a user types at sign-in: what is wrong with it (shown under the input
 * box while typing), and the environment it names once it is acceptable.
 */
import { environmentForApiBase, normalizeApiBase, type Environment } from '../../../platform/src/environments';
import { checkApiUrl } from '../../../platform/src/urlSafety';

/** Why the token must not go to `value` (plain HTTP off this machine, not a URL, ...), or undefined when it may. */
export function customApiUrlProblem(value: string): string | undefined {
  if (value.trim() === '') return 'Type the API base URL, e.g. https://api.example.org/v2.';
  try {
    checkApiUrl(normalizeApiBase(value));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The environment of an acceptable custom URL (`/v2` added when only the host was given). */
export function customEnvironment(value: string): Environment {
  return environmentForApiBase(normalizeApiBase(value));
}
