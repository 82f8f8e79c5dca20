/**
 * Standalone access to the platform (the `--stdio` server and the CLI): credentials the way
 * SBG's own tools find them (SB_API_ENDPOINT/SB_AUTH_TOKEN, or a ~/.sevenbridges/credentials
 * profile chosen by SB_PROFILE or --profile) turned into a platform client, sent through the proxy
 * HTTPS_PROXY/HTTP_PROXY name (outside VS Code nothing else applies one).
 */
import { SbgClient, type RequestLogEntry } from '../../../platform/src/client';
import { readCredentials } from '../../../platform/src/credentials';
import { environmentForApiBase, type Environment } from '../../../platform/src/environments';
import { ProxyConfigError, proxyFromEnv } from '../../../platform/src/proxy';

export interface PlatformConnection {
  client: SbgClient;
  environment: Environment;
  /** Where the credentials came from, for messages (never the token). */
  source: string;
}

export type ConnectResult = { kind: 'connected'; connection: PlatformConnection } | { kind: 'unavailable'; message: string };

export interface ConnectOptions {
  profile?: string;
  env?: NodeJS.ProcessEnv;
  /** Credentials file; ~/.sevenbridges/credentials by default. */
  credentialsFile?: string;
  onRequest?: (entry: RequestLogEntry) => void;
}

export async function connectToPlatform(options: ConnectOptions = {}): Promise<ConnectResult> {
  const env = options.env ?? process.env;
  const profile = options.profile ?? (env.SB_PROFILE?.trim() || undefined);
  const lookup = await readCredentials({ profile, env, filePath: options.credentialsFile });
  if (lookup.kind !== 'found') return { kind: 'unavailable', message: lookup.message };
  const { apiEndpoint, token, source } = lookup.credentials;
  const environment = environmentForApiBase(apiEndpoint);
  try {
    const proxy = proxyFromEnv(env);
    const client = new SbgClient({ baseUrl: apiEndpoint, token, environmentName: environment.name, onRequest: options.onRequest, proxy });
    return { kind: 'connected', connection: { client, environment, source } };
  } catch (error) {
    if (error instanceof ProxyConfigError) return { kind: 'unavailable', message: error.message };
    // The client refuses unsafe URLs (plain HTTP to a remote host) with a message that says why.
    return { kind: 'unavailable', message: `${(error as Error).message} (credentials from ${source})` };
  }
}
