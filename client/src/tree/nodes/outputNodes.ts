/**
 * A completed task's outputs under its row: a File output as one row (output id → file name,
 * size, type), a File[] output as a folder row holding a row per file. The rows carry the files
 * the Download…, Copy File ID, Open in Browser and New Task File from Outputs… commands act on.
 */
import * as vscode from 'vscode';
import type { OutputFile } from '../../../../platform/src/taskOutputs';
import type { Task } from '../../../../platform/src/types';
import { formatSize } from '../../../../server/src/service';
import { joinParts } from '../reading/taskText';
import { outputContextValue } from './contextValue';
import type { TaskTreeNode } from './treeNode';
import { escapeMarkdown } from './markdownText';

/** A row that stands for output files: one (a file row) or several (a File[] output's folder row). */
export interface OutputRow extends TaskTreeNode {
  readonly owner: Task;
  readonly files: readonly OutputFile[];
}

export function isOutputRow(target: unknown): target is OutputRow {
  const row = target as Partial<OutputRow> | undefined;
  return typeof row?.treeItem === 'function' && Array.isArray(row.files) && row.owner !== undefined;
}

/** The rows of a task's described outputs, in output order. */
export function outputRows(owner: Task, files: readonly OutputFile[]): OutputRow[] {
  const rows: OutputRow[] = [];
  const byOutput = new Map<string, OutputFile[]>();
  for (const file of files) {
    const list = byOutput.get(file.outputId);
    if (list) list.push(file);
    else byOutput.set(file.outputId, [file]);
  }
  for (const [outputId, list] of byOutput) {
    rows.push(list[0].index === undefined ? new OutputFileNode(owner, list[0], outputId) : new OutputFolderNode(owner, outputId, list));
  }
  return rows;
}

export class OutputFileNode implements OutputRow {
  readonly files: readonly OutputFile[];

  constructor(
    readonly owner: Task,
    readonly file: OutputFile,
    /** The output id as the label (a File output); undefined inside a folder, where the file name is the label. */
    private readonly outputLabel?: string,
  ) {
    this.files = [file];
  }

  treeItem(): vscode.TreeItem {
    const file = this.file;
    const label = this.outputLabel ?? file.name;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `output:${this.owner.id}:${file.outputId}:${file.index ?? ''}`;
    item.iconPath = vscode.ThemeIcon.File;
    item.description = joinParts([this.outputLabel ? file.name : undefined, sizeText(file.size), file.fileType]);
    item.tooltip = fileTooltip(file);
    item.contextValue = outputContextValue('file');
    return item;
  }
}

export class OutputFolderNode implements OutputRow {
  constructor(
    readonly owner: Task,
    private readonly outputId: string,
    readonly files: readonly OutputFile[],
  ) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.outputId, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `output:${this.owner.id}:${this.outputId}`;
    item.iconPath = vscode.ThemeIcon.Folder;
    const total = this.files.every((file) => file.size !== undefined) ? this.files.reduce((sum, file) => sum + (file.size ?? 0), 0) : undefined;
    item.description = joinParts([`${this.files.length} ${this.files.length === 1 ? 'file' : 'files'}`, sizeText(total)]);
    item.tooltip = `${this.outputId}: ${this.files.map((file) => file.name).join(', ')}`;
    item.contextValue = outputContextValue('folder');
    return item;
  }

  children(): TaskTreeNode[] {
    return this.files.map((file) => new OutputFileNode(this.owner, file));
  }
}

function sizeText(size: number | undefined): string | undefined {
  return size === undefined ? undefined : formatSize(size);
}

function fileTooltip(file: OutputFile): vscode.MarkdownString {
  const lines = [`**${escapeMarkdown(file.name)}**`, '', `Output: ${escapeMarkdown(file.outputId)}${file.index !== undefined ? ` [${file.index}]` : ''}`];
  if (file.size !== undefined) lines.push('', `Size: ${formatSize(file.size)} (${file.size} bytes)`);
  lines.push('', `Type: ${escapeMarkdown(file.fileType)}`);
  if (file.file?.project) lines.push('', `Project: ${escapeMarkdown(file.file.project)}`);
  lines.push('', `ID: ${file.fileId}`);
  const markdown = new vscode.MarkdownString(lines.join('\n'));
  markdown.supportHtml = false;
  return markdown;
}

