/**
 * Signing in by hand: Sign Out of the session SB_AUTH_TOKEN gave, then Sign In, Custom API URL,
 * the emulator's URL, a token the platform refuses (the box says so and stays open, and no text
 * on screen carries the token), then the right token: the Tasks view lists the watched tasks again.
 */
import * as assert from 'node:assert/strict';
import type { UiStep } from '../uiStep';
import { waitFor } from '../waitFor';

const SIGN_IN = 'Seven Bridges: Sign In';
const SIGNED_OUT = /^Signed out of Platform at 127\.0\.0\.1:\d+\. SB_AUTH_TOKEN is no longer used in this window\./;
const SIGN_IN_INVITATION = 'Sign in to a Seven Bridges environment';
/** The shape of a developer token (32 hexadecimal characters), but not one the emulator issued. */
const REFUSED_TOKEN = '0badc0de'.repeat(4);
const NOT_ACCEPTED = /^Custom platform did not accept this token \(401\): it is mistyped, expired or revoked\./;
/** The draft the earlier steps created, watched in this environment. */
/** The draft the Create Draft steps watch; two drafts of one name add their start and short id to the label. */
const WATCHED_DRAFT = /^quantify S01( \(created \w{3} \d+ \d\d:\d\d · #[0-9a-f]{8}\))? Draft$/;

export const signInStep: UiStep = {
  title: 'Sign Out, then Sign In to a custom API URL by typing: a refused token is named as not accepted without showing it, the right one brings the session and the watched tasks back',
  async run({ workbench, emulator }) {
    await workbench.showViewContainer('Seven Bridges');
    await workbench.runCommand('Notifications: Clear All Notifications');
    await workbench.runCommand('Seven Bridges: Sign Out');
    await workbench.waitForNotification(SIGNED_OUT, 'the notification of the sign-out');
    await waitFor('the Tasks view to invite signing in', () => workbench.sideBarWelcome(), (text) => text.includes(SIGN_IN_INVITATION));
    await workbench.screenshot('39-signed-out');
    assert.ok(!(await workbench.sideBarRows()).some((row) => WATCHED_DRAFT.test(row.text)), 'no tasks listed while signed out');

    const firstRequest = emulator.requests.length;
    await workbench.runCommandThatAsks(SIGN_IN, SIGN_IN);
    await workbench.pickInQuickInput('Custom API URL', 'Custom API URL…');
    await workbench.waitForQuickInputTitle('Seven Bridges: Custom API URL');
    await workbench.enterInQuickInput(emulator.url);
    await workbench.waitForQuickInputTitle(`${SIGN_IN}: Custom platform`);
    await workbench.enterInQuickInput(REFUSED_TOKEN);
    const refusal = await waitFor('the token box to say the token was not accepted', () => workbench.quickInputMessage(), (message) => NOT_ACCEPTED.test(message));
    await workbench.screenshot('40-sign-in-token-refused');
    assert.ok(!refusal.includes(REFUSED_TOKEN), `the message does not carry the token: ${refusal}`);
    assert.ok(!(await workbench.page.locator('body').innerText()).includes(REFUSED_TOKEN), 'no text on screen carries the token');
    assert.equal(await workbench.quickInputTitle(), `${SIGN_IN}: Custom platform`, 'the token box stays open for another try');

    await workbench.enterInQuickInput(emulator.token);
    await workbench.waitForQuickInputHidden();
    const username = emulator.store.tokens.get(emulator.token)!.username;
    await workbench.waitForNotification(new RegExp(`^Signed in to Custom platform as ${username}\\.`), 'the notification of the sign-in');
    await waitFor('the Tasks view to list the watched draft again', () => workbench.sideBarRows(), (rows) => rows.some((row) => WATCHED_DRAFT.test(row.text)), 30_000);
    await workbench.screenshot('41-signed-in');
    const accounts = await workbench.openAccountsMenu();
    await workbench.screenshot('42-accounts-menu');
    // Only the account now signed in: the one SB_AUTH_TOKEN gave went with Sign Out.
    assert.deepEqual(accounts.filter((label) => label.endsWith('(Seven Bridges)')), [`${username} (Custom platform) (Seven Bridges)`], accounts.join(' | '));
    await workbench.dismissWidgets();

    const userChecks = emulator.requests.slice(firstRequest).filter((request) => request.method === 'GET' && request.path === '/user');
    assert.deepEqual(userChecks.map((request) => request.status), [401, 200], 'GET /user refused the first token and accepted the second');
  },
};
