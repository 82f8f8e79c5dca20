import * as vscode from 'vscode';
import { accountKey } from '../auth/accounts';
import { runSignIn } from '../auth/signInFlow';
import type { Ctx } from '../context';

/** Switch Environment: to another stored account without a prompt or a reload, or sign in to a new one. */
export const switchEnvironment = (ctx: Ctx) => async () => {
  const session = ctx.session.get();
  const activeKey = session ? accountKey(session.environment) : undefined;
  type Item = vscode.QuickPickItem & { key?: string };
  const items: Item[] = ctx.accounts.stored().map((account) => ({
    label: account.name,
    description: account.username,
    detail: account.key === activeKey ? 'active' : undefined,
    key: account.key,
  }));
  items.push({ label: '$(add) Sign in to another environment…' });
  const picked = await ctx.prompts.quickPick(items, { title: 'Seven Bridges: Switch Environment', placeholder: 'Use which account?' });
  if (!picked) return;
  if (picked.key === undefined) {
    await runSignIn(ctx, 'Seven Bridges: Switch Environment');
    return;
  }
  if (!(await ctx.accounts.activate(picked.key))) {
    void vscode.window.showWarningMessage(`The token for ${picked.label} is gone from the secret storage. Sign in again.`);
  }
};
