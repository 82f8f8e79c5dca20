import * as vscode from 'vscode';
import { runSignIn } from '../auth/signInFlow';
import type { Command } from './context';

/** Sign In: environment, token (checked with GET /user), kept in SecretStorage. */
export const signIn: Command = {
  id: 'sbgTasks.signIn',
  run: async (ctx) => {
    const session = await runSignIn(ctx.accounts);
    if (session) void vscode.window.showInformationMessage(`Signed in to ${session.environment.name} as ${session.username}.`);
  },
};
