/**
 * The pure language service's facade: the language server, the CLI and the VS Code client
 * import the service only through this file (docs/ARCHITECTURE.md). Everything here is synchronous or awaits only the `CompletionData` providers; no network,
 * no file system, no timers. Positions and ranges are LSP's (0-based, UTF-16).
 * Every function takes a `TextDocument` (vscode-languageserver-textdocument) and must never
 * throw on any text: malformed input gives diagnostics, not exceptions.
 */
export type { AppModel, InputPort, PortType, RecordField } from './cwl/model';
export type { TaskContext, CompletionData, AppState, FileInfo, ProjectInfo, AppInfo, FileFacts } from './providers';
export type { DiagnosticCode, ValidationSettings } from './diagnostics/codes';
export { parseApp, typeToString, portsToJson } from './cwl/parseApp';
export { parseAppText } from './cwl/parseAppText';
export { validate } from './diagnostics/validate';
export { referencedIds } from './document/references';
export { noteEdit, forgetEdits } from './document/editSpans';
export { parseAppId } from './document/ids';
export { placeholderFor } from './codeActions/placeholders';
export { formatSize } from './formatSize';
export { fileTypeOf } from './completion/files';
export { checkedBody, type CheckedBody } from './document/checkedBody';
export { complete } from './completion/complete';
export { hover } from './hover/hover';
export { codeActions } from './codeActions/codeActions';
export { codeLenses, LensCommands } from './codeLens/codeLens';
export { batchPreview, batchFileIds, batchSummary, renderBatchPreview, type BatchPreview } from './batch/batchPreview';
export { format, documentSymbols, foldingRanges, selectionRanges, jsonFeaturesSkipped } from './json/jsonFeatures';
