/** One place that says how each task status looks: a codicon and a theme colour. */
import * as vscode from 'vscode';
import type { TaskStatus } from '../../../../platform/src/types';

const LOOKS: Record<TaskStatus, [codicon: string, color?: string]> = {
  DRAFT: ['edit', 'descriptionForeground'],
  CREATING: ['loading~spin', 'charts.blue'],
  QUEUED: ['clock', 'charts.yellow'],
  RUNNING: ['sync~spin', 'charts.blue'],
  COMPLETED: ['pass', 'testing.iconPassed'],
  ABORTING: ['debug-stop', 'charts.orange'],
  ABORTED: ['circle-slash', 'disabledForeground'],
  FAILED: ['error', 'testing.iconFailed'],
};

export function statusIcon(status: TaskStatus | undefined): vscode.ThemeIcon {
  const [codicon, color] = (status && LOOKS[status]) || ['question', 'descriptionForeground'];
  return new vscode.ThemeIcon(codicon, color ? new vscode.ThemeColor(color) : undefined);
}

/** "Running", "Completed", ...: how a status reads in a label. */
export function statusLabel(status: TaskStatus | undefined): string {
  if (!status) return 'Unknown';
  return status.charAt(0) + status.slice(1).toLowerCase();
}
