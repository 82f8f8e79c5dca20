/**
 * GET /user: the only proof that a token works. A refusal becomes a message for the token box
 * that says what to do about it; no message ever carries the token.
 */
import type { SbgClient } from '../../../platform/src/client';
import type { Environment } from '../../../platform/src/environments';
import { isSbgApiError } from '../../../platform/src/errors';
import type { User } from '../../../platform/src/types';
import { redact } from './requestLog';

export class TokenRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenRefusedError';
  }
}

/** The user the token belongs to; throws TokenRefusedError when the platform refuses it (401), other errors as they come, token scrubbed. */
export async function checkToken(client: Pick<SbgClient, 'getUser'>, environment: Environment, token: string): Promise<User> {
  try {
    return await client.getUser();
  } catch (error) {
    if (isSbgApiError(error, 'unauthorized')) {
      const platformSays = error.platformMessage ? ` It said: "${redact(error.platformMessage, [token])}"` : '';
      throw new TokenRefusedError(
        `${environment.name} did not accept this token (401): it is mistyped, expired or revoked. ` +
          `Create a new one on ${environment.tokenPage} and paste all of it.${platformSays}`,
      );
    }
    if (error instanceof Error) error.message = redact(error.message, [token]);
    throw error;
  }
}
