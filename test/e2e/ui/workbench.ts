/**
 * The VS Code workbench as a user sees it, read and driven through the DOM: keyboard shortcuts,
 * the command palette, quick open, the Problems panel, notifications, the Tasks view and the
 * suggest and code action widgets. Selectors are VS Code's stable class names and the ARIA labels
 * screen readers get, not positions.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { waitFor } from './waitFor';

/** A row of the Problems panel: a file with its count, or one diagnostic under it. */
export type ProblemRow =
  | { kind: 'file'; file: string; count: number }
  | { kind: 'marker'; severity: string; message: string; line: number; column: number; source: string };

/** A row of a tree in the side bar, as its ARIA attributes describe it. */
export interface TreeRow {
  /** The label and description, as the row's aria-label joins them. */
  text: string;
  level: number;
  expanded: boolean | undefined;
  /** The row's place in its list (rows scrolled out of view are not in the DOM). */
  index: number;
  /** The list's last row. */
  last: boolean;
}

const QUICK_INPUT = '.quick-input-widget';
/** A tree's own rows, not the sticky-scroll copies of them (see sideBarRows). */
const TREE_ROW = '.monaco-list-row:not(.monaco-tree-sticky-row)';

export class Workbench {
  constructor(
    readonly page: Page,
    private readonly screenshotDir: string,
  ) {}

  async waitUntilReady(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await waitFor('the Explorer to list the workspace files', () => this.page.locator('.explorer-folders-view .monaco-list-row').count(), (n) => n > 0, 60_000);
  }

  async screenshot(name: string): Promise<string> {
    const file = path.join(this.screenshotDir, `${name}.png`);
    fs.mkdirSync(this.screenshotDir, { recursive: true });
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Closes whatever widget or menu is open, as Escape does. */
  async dismissWidgets(): Promise<void> {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
  }

  /** Quick open (Ctrl+P): types the file name and opens the match. */
  async openFile(name: string): Promise<void> {
    await this.quickInput('Control+P', name, (label) => label.includes(name));
    await this.page.locator(`.tab.active[aria-label*="${name}"]`).waitFor({ timeout: 10_000 });
    await this.activeEditor().locator('.view-lines').waitFor();
  }

  /** The command palette (F1): types the command's title and runs it. */
  async runCommand(title: string): Promise<void> {
    await this.quickInput('F1', title, isCommand(title));
  }

  /**
   * Runs a command that asks something in quick input of its own (a picker, an input box): the
   * widget closes and opens again at once, so this waits for the command's title instead.
   */
  async runCommandThatAsks(title: string, asksTitle: string): Promise<void> {
    await this.chooseInQuickInput('F1', title, isCommand(title));
    await this.waitForQuickInputTitle(asksTitle);
  }

  /** Waits until quick input shows with a title that starts with `title`. */
  async waitForQuickInputTitle(title: string): Promise<void> {
    await waitFor(`quick input titled "${title}"`, () => this.quickInputTitle(), (shown) => shown?.startsWith(title) === true, 15_000);
  }

  /** The title of the quick input on screen, or undefined when none shows. */
  async quickInputTitle(): Promise<string | undefined> {
    const widget = this.page.locator(QUICK_INPUT);
    if (!(await widget.isVisible())) return undefined;
    return widget.locator('.quick-input-title').innerText({ timeout: 1000 });
  }

  /** In the quick pick on screen: types `text`, waits until the focused row is `label`, and accepts it. */
  async pickInQuickInput(text: string, label: string): Promise<void> {
    await this.page.keyboard.type(text);
    await this.waitForFocusedRow(`"${label}" to be the focused choice`, (ariaLabel) => ariaLabel === label || ariaLabel.startsWith(`${label},`));
    await this.page.keyboard.press('Enter');
  }

  /** In the input box on screen: replaces its text with `text` and presses Enter. */
  async enterInQuickInput(text: string): Promise<void> {
    const input = this.page.locator(`${QUICK_INPUT} input`);
    await input.fill(text);
    await this.page.keyboard.press('Enter');
  }

  /** The message under the quick input box (validation or prompt), as shown. */
  async quickInputMessage(): Promise<string> {
    return this.page.locator(`${QUICK_INPUT} .quick-input-message`).innerText({ timeout: 1000 });
  }

  async waitForQuickInputHidden(): Promise<void> {
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Go to Line (Ctrl+G) in the active editor; lines and columns from 1. */
  async goTo(line: number, column = 1): Promise<void> {
    await this.activeEditor().locator('.view-lines').click();
    await this.quickInput('Control+G', `${line}:${column}`);
  }

  /** Opens quick input with `shortcut`, types `text`, accepts the wanted row, and waits for the widget to close. */
  private async quickInput(shortcut: string, text: string, isWanted?: (ariaLabel: string) => boolean): Promise<void> {
    await this.chooseInQuickInput(shortcut, text, isWanted);
    await this.waitForQuickInputHidden();
  }

  /** Opens quick input with `shortcut`, types `text`, waits until the focused row is the wanted one, and accepts it. */
  private async chooseInQuickInput(shortcut: string, text: string, isWanted?: (ariaLabel: string) => boolean): Promise<void> {
    await this.page.keyboard.press(shortcut);
    const input = this.page.locator(`${QUICK_INPUT} input`);
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.type(text);
    if (isWanted) await this.waitForFocusedRow(`"${text}" to be the first choice after ${shortcut}`, isWanted);
    await this.page.keyboard.press('Enter');
  }

  private async waitForFocusedRow(what: string, isWanted: (ariaLabel: string) => boolean): Promise<void> {
    await waitFor(what, () => this.page.locator(`${QUICK_INPUT} .monaco-list-row.focused`).getAttribute('aria-label', { timeout: 1000 }), (label) => !!label && isWanted(label), 15_000);
  }

  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-container .monaco-editor').first();
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
  }

  // ---- Problems panel ----

  /** Shows the Problems panel (Ctrl+Shift+M toggles it, so only when it is not showing). */
  async showProblems(): Promise<void> {
    if (await this.page.locator('.markers-panel').isVisible()) return;
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
  }

  async problems(): Promise<ProblemRow[]> {
    const labels = await this.page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
    return labels.map(parseProblemRow);
  }

  /** The diagnostics listed under `file`. */
  async problemsOf(file: string): Promise<Extract<ProblemRow, { kind: 'marker' }>[]> {
    const rows = await this.problems();
    const start = rows.findIndex((row) => row.kind === 'file' && row.file === file);
    if (start < 0) return [];
    const end = rows.findIndex((row, i) => i > start && row.kind === 'file');
    return rows.slice(start + 1, end < 0 ? undefined : end).filter((row) => row.kind === 'marker');
  }

  /** The count the Problems panel shows beside `file` (0 when the file is not listed). */
  async problemCountOf(file: string): Promise<number> {
    const row = (await this.problems()).find((r) => r.kind === 'file' && r.file === file);
    return row?.kind === 'file' ? row.count : 0;
  }

  /** Opens the diagnostic's place in its editor, as a double click on its row does. */
  async openProblem(messagePart: string): Promise<void> {
    await this.page.locator(`.markers-panel .monaco-list-row[aria-label*="${messagePart.replace(/"/g, '\\"')}"]`).dblclick();
    await waitFor('the editor to take the focus', () => this.activeEditor().evaluate((editor) => editor.contains(editor.ownerDocument.activeElement)), (focused) => focused);
  }

  // ---- widgets ----

  suggestWidget(): Locator {
    return this.page.locator('.suggest-widget.visible');
  }

  async suggestions(): Promise<string[]> {
    return this.suggestWidget().locator('.monaco-list-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
  }

  codeActionMenu(): Locator {
    return this.page.locator('.action-widget');
  }

  async codeActions(): Promise<string[]> {
    return this.codeActionMenu().locator('.monaco-list-row.action').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
  }

  async focusedCodeAction(): Promise<string | null> {
    return this.codeActionMenu().locator('.monaco-list-row.action.focused').getAttribute('aria-label', { timeout: 1000 });
  }

  async notifications(): Promise<string[]> {
    return this.page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
  }

  /** Waits for a notification toast whose text matches, and for it to finish fading in; returns its text. */
  async waitForNotification(pattern: RegExp, what: string, timeoutMs = 30_000): Promise<string> {
    const texts = await waitFor(what, () => this.notifications(), (all) => all.some((text) => pattern.test(text)), timeoutMs);
    const toast = this.notificationToast(pattern);
    // A progress notification's bar animates without end: only the animations that end count.
    await waitFor(
      `${what} to finish fading in`,
      () => toast.evaluate((element) => element.getAnimations({ subtree: true }).filter((animation: { effect: { getTiming(): { iterations?: number } } | null }) => animation.effect?.getTiming().iterations !== Infinity).length),
      (running) => running === 0,
    );
    return texts.find((text) => pattern.test(text))!;
  }

  /** Clicks a button (an action, or Cancel on a progress notification) on the toast whose text matches. */
  async pressNotificationButton(pattern: RegExp, button: string): Promise<void> {
    await this.notificationToast(pattern).getByRole('button', { name: button, exact: true }).click();
  }

  /** Shows the whole text of a toast that shows one line of it (VS Code collapses a toast without buttons). */
  async expandNotification(pattern: RegExp): Promise<void> {
    const toast = this.notificationToast(pattern);
    const expanded = toast.locator('.notification-list-item.expanded');
    // The toast's buttons show while the pointer is over it.
    await toast.hover();
    if ((await expanded.count()) === 0) await toast.locator('.action-label.codicon-notifications-expand').click({ timeout: 10_000 });
    await waitFor('the notification to show all its text', () => expanded.count(), (count) => count === 1);
  }

  private notificationToast(pattern: RegExp): Locator {
    return this.page.locator('.notification-toast', { has: this.page.locator('.notification-list-item-message', { hasText: pattern }) }).first();
  }

  // ---- side bar ----

  /** Opens a view container from the activity bar, unless it is already showing (a click would close it). */
  async showViewContainer(title: string): Promise<void> {
    const item = this.page.locator(`.activitybar .action-item:has(> a[aria-label="${title}"])`);
    if (!(await item.evaluate((element) => element.classList.contains('checked')))) await item.click();
    await waitFor(`the ${title} view container to open`, () => item.evaluate((element) => element.classList.contains('checked')), (open) => open);
  }

  /** Opens the Accounts menu of the activity bar and returns its entries' labels. */
  async openAccountsMenu(): Promise<string[]> {
    await this.page.locator('.activitybar .action-item:has(> a[aria-label="Accounts"])').click();
    const menu = this.page.locator('.monaco-menu-container .monaco-menu');
    await menu.waitFor({ state: 'visible', timeout: 10_000 });
    return menu.locator('.action-item .action-label').allInnerTexts();
  }

  /** Drags the side bar's edge to `width` pixels, as a user makes room for long rows. */
  async resizeSideBar(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box || Math.abs(box.width - width) < 2) return;
    const edge = box.x + box.width;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(edge, y);
    await this.page.mouse.down();
    await this.page.mouse.move(edge + (width - box.width) / 2, y, { steps: 4 });
    await this.page.mouse.move(box.x + width, y, { steps: 4 });
    await this.page.mouse.up();
    await waitFor(`the side bar to be ${width} px wide`, async () => (await this.page.locator('.part.sidebar').boundingBox())?.width, (w) => w !== undefined && Math.abs(w - width) < 2);
  }

  /**
   * The side bar's tree rows in the order they show, from one read of the DOM. Only the list's own
   * rows: a scrolled tree also draws "sticky scroll" copies of the rows above the fold (an expanded
   * parent and its expanded group) as `.monaco-list-row` elements after the real ones, and reading
   * those as rows saw a parent followed by only its open group. Sorted by the list's index per list,
   * which is the order on screen whatever order the list left its row elements in.
   */
  async sideBarRows(): Promise<TreeRow[]> {
    return this.page.locator(`.sidebar ${TREE_ROW}`).evaluateAll((rows) => {
      const lists = new Map<unknown, typeof rows>();
      for (const row of rows) lists.set(row.parentElement, [...(lists.get(row.parentElement) ?? []), row]);
      const index = (row: (typeof rows)[number]) => Number(row.getAttribute('data-index'));
      return [...lists.values()].flatMap((list) =>
        list
          .sort((a, b) => index(a) - index(b))
          .map((row) => {
            const expanded = row.getAttribute('aria-expanded');
            return {
              text: row.getAttribute('aria-label') ?? '',
              level: Number(row.getAttribute('aria-level')),
              expanded: expanded === null ? undefined : expanded === 'true',
              index: index(row),
              last: row.getAttribute('data-last-element') === 'true',
            };
          }),
      );
    });
  }

  /** The text of the welcome content the side bar's views show (what a view says when it has nothing to list). */
  async sideBarWelcome(): Promise<string> {
    return (await this.page.locator('.sidebar .welcome-view-content').allInnerTexts()).join('\n');
  }

  /** Right-clicks the side bar tree row whose text starts with `prefix` and returns the labels of its context menu. */
  async openRowContextMenu(prefix: string): Promise<string[]> {
    await this.page.locator(`.sidebar ${TREE_ROW}[aria-label^="${prefix}"]`).first().click({ button: 'right' });
    const menu = this.page.locator('.monaco-menu-container .monaco-menu');
    await menu.waitFor({ state: 'visible', timeout: 10_000 });
    return menu.locator('.action-item .action-label').allInnerTexts();
  }

  /** Chooses the entry labelled `label` in the context menu on screen: the pointer on it, then Enter. */
  async chooseMenuItem(label: string): Promise<void> {
    const item = this.page.locator('.monaco-menu-container .monaco-menu .action-item', { has: this.page.locator('.action-label', { hasText: label }) }).first();
    await item.hover();
    await waitFor(`the menu entry "${label}" to be focused`, () => item.evaluate((element) => element.classList.contains('focused')), (focused) => focused);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.monaco-menu-container .monaco-menu').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Waits for the modal dialog and returns its text (the web workbench shows an extension's message as the dialog's detail). */
  async waitForDialog(pattern: RegExp, what: string): Promise<string> {
    return waitFor(what, () => this.page.locator('.monaco-dialog-box .dialog-message-container').innerText({ timeout: 1000 }), (text) => pattern.test(text));
  }

  /** Clicks a button of the modal dialog on screen and waits for the dialog to close. */
  async pressDialogButton(name: string): Promise<void> {
    await this.page.locator('.monaco-dialog-box').getByRole('button', { name, exact: true }).click();
    await this.page.locator('.monaco-dialog-box').waitFor({ state: 'detached', timeout: 10_000 });
  }

  /** Expands the side bar tree row whose text starts with `prefix` by clicking its twistie. */
  async expandRow(prefix: string): Promise<void> {
    const row = this.page.locator(`.sidebar ${TREE_ROW}[aria-label^="${prefix}"]`).first();
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
    await waitFor(`the row "${prefix}" to expand`, () => row.getAttribute('aria-expanded'), (expanded) => expanded === 'true');
  }
}

/** Whether a command palette row is the command titled `title` (a row's label may add its keybinding). */
function isCommand(title: string): (ariaLabel: string) => boolean {
  return (label) => label === title || label.startsWith(`${title},`);
}

function parseProblemRow(label: string): ProblemRow {
  const file = /^(\d+) problems? in file (.+?) of folder /.exec(label);
  if (file) return { kind: 'file', file: file[2], count: Number(file[1]) };
  const marker = /^(\w+): (.*) at line (\d+) and character (\d+)\. generated by (.*)$/s.exec(label);
  if (!marker) throw new Error(`a Problems row not in the expected form: ${label}`);
  return { kind: 'marker', severity: marker[1], message: marker[2], line: Number(marker[3]), column: Number(marker[4]), source: marker[5] };
}
