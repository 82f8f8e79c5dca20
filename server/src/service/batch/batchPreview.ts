/**
 * The batch preview: the children the platform will make from a task file, in a plain shape the
 * wiring sends to the client, and as the Markdown the client shows read-only. Pure: the wiring
 * fetches the files' records first (bulk gets of 100 ids, cached) and hands them in `context`.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { readyModel, type TaskContext } from '../providers';
import { taskDocumentOf } from '../document/taskDocument';
import { batchSetting, describeGrouping, shortCriteria, type BatchSetting } from './batchSetting';
import { MISSING_METADATA_ASSUMPTION, batchFiles, planBatch, type BatchPlan, type PlannedFile } from './batchPlan';

export interface PreviewFile {
  id?: string;
  name: string;
}

export interface BatchPreview {
  input: string;
  by: BatchSetting['by'];
  source: BatchSetting['source'];
  children: { value: string; fields: Record<string, string>; files: PreviewFile[] }[];
  lacking: (PreviewFile & { criteria: string[] })[];
  /** Files whose records the platform did not give (missing, unreadable, or not fetched). */
  unknown: PreviewFile[];
  /** What the preview assumes where the platform's rule is not documented. */
  assumption: string;
}

/** The preview of the document's batch; undefined when the file does not make a batch. */
export function batchPreview(textDocument: TextDocument, context: TaskContext): BatchPreview | undefined {
  const plan = batchPlanOf(textDocument, context);
  return plan && toPreview(plan);
}

/** The ids of the files the batch splits: all a preview needs fetched (not the reference files beside them). */
export function batchFileIds(textDocument: TextDocument, context: TaskContext): string[] {
  const document = taskDocumentOf(textDocument);
  const setting = batchSetting(document.root, readyModel(context));
  if (!setting || !document.root) return [];
  return [...new Set(batchFiles(document.root, setting.input, {}).map((f) => f.id).filter((id): id is string => !!id))];
}

export function batchPlanOf(textDocument: TextDocument, context: TaskContext): BatchPlan | undefined {
  const document = taskDocumentOf(textDocument);
  const setting = batchSetting(document.root, readyModel(context));
  return setting && document.root ? planBatch(document.root, setting, context) : undefined;
}

function toPreview(plan: BatchPlan): BatchPreview {
  const file = (f: PlannedFile): PreviewFile => (f.id ? { id: f.id, name: f.name } : { name: f.name });
  return {
    input: plan.setting.input,
    by: plan.setting.by,
    source: plan.setting.source,
    children: plan.children.map((child) => ({ value: child.value, fields: child.fields, files: child.files.map(file) })),
    lacking: plan.lacking.map(({ file: f, criteria }) => ({ ...file(f), criteria })),
    unknown: plan.unknown.map(file),
    assumption: MISSING_METADATA_ASSUMPTION,
  };
}

/** "Batch: 24 children by sample_id · 2 files lack sample_id" (the CodeLens and notifications). */
export function batchSummary(preview: { by: BatchSetting['by']; children: readonly { files: readonly unknown[] }[]; lacking: readonly unknown[]; unknown: readonly unknown[] }): string {
  const count = preview.children.length;
  const files = preview.by.type === 'criteria' ? preview.children.reduce((n, c) => n + c.files.length, 0) : count;
  if (preview.by.type === 'criteria' && files > 0 && preview.unknown.length === files) {
    return `Batch by ${shortCriteria(preview.by)}: ${files} ${files === 1 ? 'file' : 'files'}, metadata not read yet`;
  }
  const parts = [`Batch: ${count} ${count === 1 ? 'child' : 'children'} by ${shortCriteria(preview.by)}`];
  if (preview.lacking.length) parts.push(`${preview.lacking.length} ${preview.lacking.length === 1 ? 'file lacks' : 'files lack'} ${shortCriteria(preview.by)}`);
  if (preview.unknown.length) parts.push(`${preview.unknown.length} ${preview.unknown.length === 1 ? 'file' : 'files'} not read`);
  return parts.join(' · ');
}

/** The preview as Markdown, for a read-only view. */
export function renderBatchPreview(preview: BatchPreview, title: string): string {
  const lines = [`# Batch preview: ${title}`, ''];
  const origin = preview.source === 'app-default' ? " (the app's default: the file sets no batch_input/batch_by)" : '';
  lines.push(`**${batchSummary(preview)}**`, '', `Batched ${describeGrouping(preview.by)} over \`${preview.input}\`${origin}.`, '');
  if (preview.by.type === 'criteria') lines.push(`Assumption: ${preview.assumption}`, '');
  if (preview.unknown.length) {
    lines.push(`## Files the platform gave no record of (${preview.unknown.length})`, '', 'Their grouping below is a guess: they are missing, not readable with this token, or could not be fetched.', '');
    for (const f of preview.unknown) lines.push(`- ${f.name}${f.id ? ` \`${f.id}\`` : ''}`);
    lines.push('');
  }
  if (preview.lacking.length) {
    lines.push(`## Files that lack a criterion (${preview.lacking.length})`, '');
    for (const f of preview.lacking) lines.push(`- ${f.name}${f.id ? ` \`${f.id}\`` : ''}: no ${f.criteria.join(', ')}`);
    lines.push('');
  }
  lines.push(`## Children (${preview.children.length})`, '');
  preview.children.forEach((child, index) => {
    lines.push(`${index + 1}. **${child.value}** (${child.files.length} ${child.files.length === 1 ? 'file' : 'files'}): ${child.files.map((f) => f.name).join(', ')}`);
  });
  return lines.join('\n') + '\n';
}
