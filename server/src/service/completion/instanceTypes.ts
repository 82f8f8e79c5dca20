/**
 * Instance types for `execution_settings.instance_type`: the platform's list when the wiring
 * has one, otherwise the built-in names seen accepted (schema/instanceTypes.ts), each bare and
 * with its cloud's disk suffix, plus `AUTO`.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { automaticInstanceType, diskTypeByCloud, knownInstanceTypes } from '../schema/instanceTypes';
import { literalItem, orderKey, valueItem } from './items';
import { escapeSnippet } from './snippet';
import type { CompletionRequest } from './request';

/** Google Cloud names read `family-kind-size` (n1-standard-16); AWS names `family.size` (c5.2xlarge). */
function diskType(instance: string): string {
  return instance.includes('.') ? diskTypeByCloud.aws : diskTypeByCloud.google;
}

export function instanceTypeCompletions(request: CompletionRequest): CompletionItem[] {
  const names = knownInstanceTypes;
  const items: CompletionItem[] = [
    literalItem(request.site, automaticInstanceType, automaticInstanceType, {
      kind: CompletionItemKind.Constant,
      detail: 'let the platform choose',
      sortText: '0',
    }),
  ];
  names.forEach((name, index) => {
    items.push(literalItem(request.site, name, name, { kind: CompletionItemKind.EnumMember, sortText: `1${orderKey(index)}a` }));
    const disk = diskType(name);
    const label = `${name};${disk};<GB>`;
    items.push(
      valueItem(request.site, label, `"${escapeSnippet(name)};${disk};\${1:1024}"`, {
        kind: CompletionItemKind.Snippet,
        detail: `${name} with a ${disk} disk of the given size in GB`,
        sortText: `1${orderKey(index)}b`,
      }),
    );
  });
  return items;
}
