/**
 * The quick picks and input boxes the commands show, announced once they are on screen with
 * their items. Extension tests (and scripts) listen through the extension's API to know when
 * to answer a prompt with the workbench's own quick-input commands; nothing else changes.
 */
import * as vscode from 'vscode';

export interface PickOptions {
  title: string;
  placeholder?: string;
  matchOnDescription?: boolean;
  ignoreFocusOut?: boolean;
}

export class Prompts implements vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<string>();
  /** Fires the title of each prompt once it is shown and its items are in. */
  readonly onDidShow = this.shown.event;

  /**
   * Call right after showing a prompt or setting its last items. The API sends a quick input's
   * pending changes to the workbench on a zero timer; this one is queued after it, so whoever
   * hears the title acts on the prompt as shown.
   */
  announce(title: string | undefined): void {
    if (title) setTimeout(() => this.shown.fire(title), 0);
  }

  /** A one-choice quick pick (items, title and visibility reach the workbench together), announced. */
  quickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T | undefined> {
    const pick = vscode.window.createQuickPick<T>();
    Object.assign(pick, options);
    pick.items = items;
    return new Promise((resolve) => {
      pick.onDidAccept(() => {
        resolve(pick.selectedItems[0]);
        pick.dispose();
      });
      pick.onDidHide(() => {
        resolve(undefined);
        pick.dispose();
      });
      pick.show();
      this.announce(options.title);
    });
  }

  /** vscode.window.showInputBox, announced. */
  inputBox(options: vscode.InputBoxOptions & { title: string }): Thenable<string | undefined> {
    const answer = vscode.window.showInputBox(options);
    this.announce(options.title);
    return answer;
  }

  dispose(): void {
    this.shown.dispose();
  }
}
