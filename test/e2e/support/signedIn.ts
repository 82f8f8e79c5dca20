// How every suite that talks to the platform starts: a fresh emulator, the extension active and
// signed in to it with the emulator's token.
import type { SbgTasksApi } from '../../../client/src/extension';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator';
import { activateExtension } from './extension';

/** Long enough for any emulated task to run its 30-90 s and end. */
export const UNTIL_ENDED_S = 600;

export async function signedInToEmulator(options: EmulatorOptions): Promise<{ emulator: Emulator; api: SbgTasksApi }> {
  const emulator = await startEmulator(options);
  const api = await activateExtension();
  await api.signInWithToken(emulator.url, emulator.token);
  return { emulator, api };
}
