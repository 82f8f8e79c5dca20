/**
 * Platform text (task, file and job names, reasons) put into a row's Markdown tooltip: escaped so
 * that it reads as the platform wrote it, never as Markdown (a name like `S01_[x]` or `#3`).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!<>|]/g, '\\$&');
}
