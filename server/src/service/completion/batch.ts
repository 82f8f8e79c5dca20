/**
 * Batching: the value of `batch_input` (ports that take files), whole `batch_by` objects for
 * the platform's standard groupings (docs/PLATFORM.md#batching), and `metadata.*` criteria from those
 * presets and from the metadata keys seen on the project's files.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { literalItem, orderKey } from './items';
import { lookup } from './lookup';
import { takesFiles } from '../diagnostics/appPorts';
import { presentStrings, stringAt, type CompletionRequest } from './request';
import { typeToString } from '../cwl/typeNotation';

/** The web UI's "Create batch group" options (docs/PLATFORM.md#batching). */
const presets: { label: string; batchBy: { type: string; criteria?: string[] } }[] = [
  { label: 'File', batchBy: { type: 'item' } },
  { label: 'Sample', batchBy: { type: 'criteria', criteria: ['metadata.sample_id'] } },
  { label: 'Case', batchBy: { type: 'criteria', criteria: ['metadata.case_id'] } },
  { label: 'Library', batchBy: { type: 'criteria', criteria: ['metadata.sample_id', 'metadata.library_id'] } },
  {
    label: 'Platform unit',
    batchBy: { type: 'criteria', criteria: ['metadata.sample_id', 'metadata.library_id', 'metadata.platform_unit_id'] },
  },
  {
    label: 'File segment',
    batchBy: {
      type: 'criteria',
      criteria: ['metadata.sample_id', 'metadata.library_id', 'metadata.platform_unit_id', 'metadata.file_segment_number'],
    },
  },
];

/** Metadata fields commonly used as criteria (docs/PLATFORM.md#batching), offered before the project's own keys. */
const standardMetadataKeys = [
  'sample_id', 'library_id', 'platform_unit_id', 'file_segment_number', 'case_id',
  'paired_end', 'platform', 'quality_scale', 'reference_genome',
];

/** Ports whose files can be batched, for the value of `batch_input`. */
export function batchInputCompletions(request: CompletionRequest): CompletionItem[] {
  return (request.app?.inputs ?? [])
    .filter((port) => takesFiles(port.type))
    .map((port) =>
      literalItem(request.site, port.id, port.id, {
        kind: CompletionItemKind.Field,
        detail: typeToString(port.type),
        documentation: port.label,
        preselect: port.id === request.app?.batchInput,
      }),
    );
}

/** Whole `batch_by` objects for the standard groupings. */
export function batchByCompletions(request: CompletionRequest): CompletionItem[] {
  if (request.site.inString) return [];
  return presets.map((preset, index) =>
    literalItem(request.site, `Batch by ${preset.label}`, preset.batchBy, {
      kind: CompletionItemKind.Snippet,
      detail: JSON.stringify(preset.batchBy),
      sortText: orderKey(index),
      filterText: `{ ${preset.label}`,
    }),
  );
}

/** `metadata.<key>` strings for an item of `batch_by.criteria`. */
export async function criteriaCompletions(request: CompletionRequest): Promise<CompletionItem[]> {
  const projectId = stringAt(request, ['project']);
  const { data, signal } = request;
  const projectKeys = projectId && data.listMetadataKeys ? await lookup(() => data.listMetadataKeys!(projectId, signal), signal) : [];
  const used = presentStrings(request, ['batch_by', 'criteria']);
  const fromProject = new Set(projectKeys.filter((k) => typeof k === 'string' && k).map((k) => k.replace(/^metadata\./, '')));
  const keys = [...new Set([...standardMetadataKeys, ...fromProject])];
  return keys
    .filter((key) => !used.has(`metadata.${key}`))
    .map((key, index) =>
      literalItem(request.site, `metadata.${key}`, `metadata.${key}`, {
        kind: CompletionItemKind.EnumMember,
        detail: fromProject.has(key) ? "metadata on the project's files" : 'standard metadata',
        sortText: orderKey(index),
      }),
    );
}
