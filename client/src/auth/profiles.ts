/**
 * Profiles of ~/.sevenbridges/credentials (the file SBG's own tools read), offered at sign-in
 * next to the environments. A profile that cannot be used is reported, not offered.
 */
import * as os from 'os';
import * as path from 'path';
import { listProfiles, readCredentialsFile, resolveCredentials } from '../../../platform/src/credentials';
import { environmentForApiBase, type Environment } from '../../../platform/src/environments';

export interface ProfileTarget {
  profile: string;
  environment: Environment;
  token: string;
}

export interface ProfileList {
  usable: ProfileTarget[];
  /** One message per unusable profile, naming what to fix; never a token. */
  problems: string[];
}

function credentialsFilePath(): string {
  return path.join(os.homedir(), '.sevenbridges', 'credentials');
}

/** The profiles of the file's text, each with its environment (a known one when its endpoint matches). */
export function profileTargets(fileText: string, filePath: string): ProfileList {
  const list: ProfileList = { usable: [], problems: [] };
  for (const profile of listProfiles(fileText)) {
    const lookup = resolveCredentials({ env: {}, fileText, filePath, profile });
    if (lookup.kind !== 'found') {
      list.problems.push(lookup.message);
      continue;
    }
    const environment = environmentForApiBase(lookup.credentials.apiEndpoint, `Profile ${profile}`);
    list.usable.push({ profile, environment, token: lookup.credentials.token });
  }
  return list;
}

/** Reads the file; no file means no profiles. */
export async function readProfileTargets(filePath = credentialsFilePath()): Promise<ProfileList> {
  // Only a regular file of at most MAX_CREDENTIALS_FILE_BYTES: a FIFO there would hang Sign In.
  const read = await readCredentialsFile(filePath);
  if (read.kind === 'missing') return { usable: [], problems: [] };
  if (read.kind === 'error') return { usable: [], problems: [read.message] };
  return profileTargets(read.text, filePath);
}
