import * as vscode from 'vscode';
import type { Ctx } from '../context';

/** Sign Out: forgets the active environment's token. */
export const signOut = (ctx: Ctx) => async () => {
  const session = ctx.session.get();
  if (!session) {
    void vscode.window.showInformationMessage('You are not signed in to Seven Bridges.');
    return;
  }
  await ctx.accounts.signOut();
  const note = session.source === 'environment-variables' ? ' SB_AUTH_TOKEN is no longer used in this window.' : '';
  void vscode.window.showInformationMessage(`Signed out of ${session.environment.name}.${note}`);
};
