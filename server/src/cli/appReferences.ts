/**
 * Follows the schema-salad directives of a local app file (issue 12 §3), as cwltool does before it
 * reads types: `{$import: FILE}` is replaced by FILE's parsed document, `{$include: FILE}` by its
 * text, and `{$mixin: FILE, ...keys}` by FILE's object with the other keys over it. FILE is
 * relative to the file that names it. Here, where files are read, and not in the pure reader:
 * what could not be read (a missing file, a cycle, imports nested too deep, text that does not
 * parse) stays in the document, and `unresolved` says why, keyed by the reference as written;
 * the reader then marks the inputs whose types it could not check (types.ts).
 */
import * as path from 'node:path';
import { parseAppDocument } from '../service/cwl/parseAppText';
import { readText } from './readText';

/** Files nested deeper than this are not followed (cwltool has no limit; a chain this long is a mistake). */
export const MAX_IMPORT_DEPTH = 16;
/** At most this many distinct files are read for one app, however they refer to each other. */
export const MAX_IMPORTED_FILES = 200;

export interface ResolvedDocument {
  document: unknown;
  unresolved: Map<string, string>;
}

type Loaded = { kind: 'text'; text: string } | { kind: 'error'; message: string };

export async function resolveReferences(document: unknown, file: string): Promise<ResolvedDocument> {
  const resolver = new Resolver();
  const resolved = await resolver.walk(document, path.resolve(file), [path.resolve(file)]);
  return { document: resolved, unresolved: resolver.unresolved };
}

class Resolver {
  readonly unresolved = new Map<string, string>();
  private readonly texts = new Map<string, Promise<Loaded>>();

  /** `chain` is the files being resolved, outermost first: a file already in it is a cycle. */
  async walk(value: unknown, file: string, chain: readonly string[]): Promise<unknown> {
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (const item of value) items.push(await this.walk(item, file, chain));
      return items;
    }
    if (typeof value !== 'object' || value === null) return value;
    const object = value as Record<string, unknown>;
    if (typeof object.$include === 'string') {
      const loaded = await this.load(object.$include, file, chain);
      return loaded.kind === 'text' ? loaded.text : value;
    }
    if (typeof object.$import === 'string') {
      return (await this.importDocument(object.$import, file, chain)) ?? value;
    }
    const entries: [string, unknown][] = [];
    for (const [key, item] of Object.entries(object)) {
      if (key !== '$mixin') entries.push([key, await this.walk(item, file, chain)]);
    }
    const own = Object.fromEntries(entries);
    if (typeof object.$mixin === 'string') {
      const mixin = await this.importDocument(object.$mixin, file, chain);
      if (typeof mixin === 'object' && mixin !== null && !Array.isArray(mixin)) return { ...(mixin as Record<string, unknown>), ...own };
      if (mixin !== undefined) this.unresolved.set(object.$mixin, `${object.$mixin} does not hold an object to mix in`);
      return { $mixin: object.$mixin, ...own };
    }
    return own;
  }

  /** The parsed, resolved document of a referenced file, or undefined (with the reason noted). */
  private async importDocument(reference: string, file: string, chain: readonly string[]): Promise<unknown> {
    const loaded = await this.load(reference, file, chain);
    if (loaded.kind === 'error') return undefined;
    const target = targetOf(reference, file);
    try {
      return await this.walk(parseAppDocument(loaded.text), target, [...chain, target]);
    } catch (error) {
      this.unresolved.set(reference, (error as Error).message.replace('the app file', path.basename(target)));
      return undefined;
    }
  }

  private async load(reference: string, file: string, chain: readonly string[]): Promise<Loaded> {
    const target = targetOf(reference, file);
    const fail = (message: string): Loaded => {
      this.unresolved.set(reference, message);
      return { kind: 'error', message };
    };
    if (chain.includes(target)) {
      return fail(`it refers back to itself: ${[...chain.slice(chain.indexOf(target)), target].map((name) => path.basename(name)).join(' → ')}`);
    }
    if (chain.length > MAX_IMPORT_DEPTH) return fail(`files refer to files more than ${MAX_IMPORT_DEPTH} deep`);
    let text = this.texts.get(target);
    if (!text) {
      if (this.texts.size >= MAX_IMPORTED_FILES) return fail(`the app refers to more than ${MAX_IMPORTED_FILES} files`);
      text = readText(target).then((read): Loaded => (read.kind === 'text' ? { kind: 'text', text: read.text } : { kind: 'error', message: read.message }));
      this.texts.set(target, text);
    }
    const loaded = await text;
    if (loaded.kind === 'error') {
      const why = loaded.message.replace(`cannot read ${target}: `, '');
      return fail(why === loaded.message ? why : `${why}: ${path.relative(process.cwd(), target) || target}`);
    }
    return loaded;
  }
}

/** The file a reference names, relative to the file that holds it; a `#fragment` is not part of the file. */
function targetOf(reference: string, file: string): string {
  const hash = reference.indexOf('#');
  const name = hash >= 0 ? reference.slice(0, hash) : reference;
  return path.resolve(path.dirname(file), name.startsWith('file://') ? new URL(name).pathname : name);
}
