/**
 * Who is signed in where, without VS Code: the shape session.ts publishes to the rest of the
 * extension, and the seam through which auth/ hands it over. Kept apart from session.ts so
 * that the sign-in logic runs (and is tested) in plain Node.
 */
import type { SbgClient } from '../../../platform/src/client';
import type { Environment } from '../../../platform/src/environments';

/** Where the token came from: stored by Sign In, the SB_* variables, or a credentials profile. */
export type TokenSource = 'secret-storage' | 'environment-variables' | 'credentials-profile';

export interface SignedIn {
  environment: Environment;
  username: string;
  client: SbgClient;
  source: TokenSource;
}

/** Holds the one active session; session.ts is the real one, which also tells listeners. */
export interface SessionHolder {
  get(): SignedIn | undefined;
  set(session: SignedIn | undefined): void;
}
