import * as vscode from 'vscode';
import { runSignIn } from '../auth/signInFlow';
import type { Ctx } from '../context';

/** Sign In: environment, token (checked with GET /user), kept in SecretStorage. */
export const signIn = (ctx: Ctx) => async () => {
  const session = await runSignIn(ctx);
  if (session) void vscode.window.showInformationMessage(`Signed in to ${session.environment.name} as ${session.username}.`);
};
