/**
 * Sign In: choose the environment (or a profile of ~/.sevenbridges/credentials), paste a
 * developer token into a password box that links to the environment's token page, and keep
 * it only once GET /user accepts it. The box stays open with the platform's answer when it
 * does not, so a typo costs one paste, not the whole flow.
 */
import * as vscode from 'vscode';
import { ENVIRONMENTS, type Environment } from '../../../platform/src/environments';
import type { Config } from '../config';
import type { Prompts } from '../shared/prompts';
import type { SignedIn } from './session';
import type { Accounts } from './accounts';
import { customApiUrlProblem, customEnvironment } from './customUrl';
import type { Log } from './loggedClient';
import { readProfileTargets } from './profiles';

type Target = { environment: Environment; token?: string };

/** What signing in uses: the accounts it signs in to, the prompts it shows, the Custom API URL it remembers. */
export interface SignInParts {
  accounts: Accounts;
  prompts: Prompts;
  config: Config;
}

/** The whole flow; undefined when the user cancelled. */
export async function runSignIn(parts: SignInParts, title = 'Seven Bridges: Sign In'): Promise<SignedIn | undefined> {
  const { accounts } = parts;
  const target = await pickTarget(parts, title);
  if (!target) return undefined;
  if (target.token !== undefined) {
    const token = target.token;
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Checking the profile's token with ${target.environment.name}…` },
      () => accounts.signIn(target.environment, token),
    );
  }
  return askToken(parts, target.environment, title);
}

async function pickTarget({ accounts, prompts, config }: SignInParts, title: string): Promise<Target | undefined> {
  type Item = vscode.QuickPickItem & { target?: () => Promise<Target | undefined> };
  const items: Item[] = ENVIRONMENTS.map((environment) => ({
    label: environment.name,
    description: new URL(environment.apiBase).host,
    target: async () => ({ environment }),
  }));
  items.push({ label: 'Custom API URL…', description: 'another deployment, or a local emulator', target: () => askCustomEnvironment(prompts, config) });
  const profiles = await profileItems(accounts.log);
  if (profiles.length > 0) {
    items.push({ label: '~/.sevenbridges/credentials', kind: vscode.QuickPickItemKind.Separator });
    items.push(...profiles);
  }
  const picked = await prompts.quickPick(items, { title, placeholder: 'Where do you want to sign in?', ignoreFocusOut: true });
  return picked?.target?.();
}

async function askCustomEnvironment(prompts: Prompts, config: Config): Promise<Target | undefined> {
  const url = await prompts.inputBox({
    title: 'Seven Bridges: Custom API URL',
    prompt: 'The API base URL, ending in /v2. https:// only; plain http:// only for this machine (127.0.0.1, localhost).',
    value: config.customApiUrl(),
    placeHolder: 'https://api.example.org/v2',
    ignoreFocusOut: true,
    validateInput: customApiUrlProblem,
  });
  if (!url) return undefined;
  const environment = customEnvironment(url);
  await config.setCustomApiUrl(environment.apiBase);
  return { environment };
}

/** Usable profiles as picker items; unusable ones are named in the log so the file can be fixed. */
async function profileItems(log: Log): Promise<(vscode.QuickPickItem & { target: () => Promise<Target | undefined> })[]> {
  const profiles = await readProfileTargets();
  for (const problem of profiles.problems) log.warn(problem);
  return profiles.usable.map(({ profile, environment, token }) => ({
    label: `Profile: ${profile}`,
    description: environment.name,
    detail: environment.apiBase,
    target: async () => ({ environment, token }),
  }));
}

const TOKEN_SHAPE = /^[0-9a-f]{32}$/;

function askToken({ accounts, prompts }: SignInParts, environment: Environment, title: string): Promise<SignedIn | undefined> {
  const openTokenPage: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('link-external'), tooltip: `Open the token page of ${environment.name}` };
  const box = vscode.window.createInputBox();
  box.title = `${title}: ${environment.name}`;
  box.prompt = `Paste your developer token. Get one on ${environment.tokenPage} (the button above opens it).`;
  box.password = true;
  box.ignoreFocusOut = true;
  box.buttons = [openTokenPage];
  return new Promise<SignedIn | undefined>((resolve) => {
    let settled = false;
    const finish = (session: SignedIn | undefined) => {
      if (settled) return;
      settled = true;
      resolve(session);
      box.dispose();
    };
    box.onDidTriggerButton(() => void vscode.env.openExternal(vscode.Uri.parse(environment.tokenPage)));
    box.onDidChangeValue((value) => {
      const token = value.trim();
      box.validationMessage = token !== '' && !TOKEN_SHAPE.test(token)
        ? { message: 'Developer tokens are usually 32 hexadecimal characters; check that the whole token was pasted.', severity: vscode.InputBoxValidationSeverity.Warning }
        : undefined;
    });
    box.onDidAccept(async () => {
      const token = box.value.trim();
      if (token === '') return;
      box.busy = true;
      box.enabled = false;
      box.validationMessage = undefined;
      try {
        finish(await accounts.signIn(environment, token));
      } catch (error) {
        box.validationMessage = { message: (error as Error).message, severity: vscode.InputBoxValidationSeverity.Error };
        box.busy = false;
        box.enabled = true;
      }
    });
    box.onDidHide(() => finish(undefined));
    box.show();
    prompts.announce(box.title);
  });
}
