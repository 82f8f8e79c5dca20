/** GET /user, GET /users/{username} and GET /rate_limit. */
import { apiErrors } from '../http/apiError';
import { selectFields } from '../http/fields';
import type { RateState } from '../http/rateLimiter';
import type { Router } from '../http/router';
import type { EmulatedPlatform } from '../platform';

export function addAccountRoutes(router: Router, platform: EmulatedPlatform, rateOf: (token: string) => RateState): void {
  router
    .add('GET', '/user', (context) => ({
      status: 200,
      body: selectFields({ ...platform.store.users.get(context.user), href: `${context.baseUrl}/users/${context.user}` }, context.query.get('fields')),
    }))
    .add('GET', '/users/:username', (context) => {
      if (context.params.username !== context.user) throw apiErrors.badRequest('Only your own user (GET /user) can be read.');
      return { status: 200, body: { ...platform.store.users.get(context.user), href: `${context.baseUrl}/users/${context.user}` } };
    })
    .add('GET', '/rate_limit', (context) => {
      const rate = rateOf(tokenOf(context.headers));
      return { status: 200, body: { rate, instance_limit: { limit: -1, remaining: -1 } } };
    });
}

export function tokenOf(headers: import('node:http').IncomingHttpHeaders): string {
  const direct = headers['x-sbg-auth-token'];
  if (typeof direct === 'string' && direct !== '') return direct;
  const authorization = headers.authorization;
  return typeof authorization === 'string' && /^bearer /i.test(authorization) ? authorization.slice(7).trim() : '';
}
