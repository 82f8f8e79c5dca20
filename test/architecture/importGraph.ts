/**
 * The project's imports as a graph, read as text from the TypeScript sources (static `import`,
 * `export … from` and `import()`), for the architecture tests. A folder's index.ts is the
 * folder's front door: it imports its own subfolders by design, so its edges are left out of
 * the folder graph (the files behind it still count); so are those of the other front doors a
 * caller names (the client's composition root and the context it builds).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

export interface SourceFile {
  /** Repository-relative, with forward slashes. */
  path: string;
  text: string;
}

export interface Import {
  from: string;
  specifier: string;
  /** The repository-relative file a relative import names; undefined for a library. */
  target?: string;
}

export function sourceFiles(folder: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const child = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push({ path: child, text: fs.readFileSync(path.join(root, child), 'utf8') });
    }
  };
  walk(folder);
  return files;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*'([^']+)'|(?:^|\n)\s*import\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g;

export function importsOf(file: SourceFile): Import[] {
  return [...file.text.matchAll(IMPORT)].map((match) => {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (!specifier.startsWith('.')) return { from: file.path, specifier };
    return { from: file.path, specifier, target: resolve(path.posix.join(path.posix.dirname(file.path), specifier)) };
  });
}

/** `a/b` → a/b.ts or a/b/index.ts, whichever exists (a/b.ts when neither does). */
function resolve(target: string): string {
  if (fs.existsSync(path.join(root, `${target}.ts`))) return `${target}.ts`;
  if (fs.existsSync(path.join(root, target, 'index.ts'))) return `${target}/index.ts`;
  return target.endsWith('.ts') ? target : `${target}.ts`;
}

/** Each loop between folders once, as "a → b → a", the folders of a strongly connected set in the order found. */
export function folderCycles(imports: Import[], frontDoors: readonly string[] = []): string[] {
  const edges = new Map<string, Set<string>>();
  for (const entry of imports) {
    if (!entry.target || path.posix.basename(entry.from) === 'index.ts' || frontDoors.includes(entry.from)) continue;
    const from = path.posix.dirname(entry.from);
    const to = path.posix.dirname(entry.target);
    if (from === to) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from)!.add(to);
  }
  return stronglyConnected(edges).map((component) => describeLoop(component, edges));
}

/** Tarjan's algorithm: the sets of folders that reach each other, each of more than one folder. */
function stronglyConnected(edges: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) components.push(component);
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

/** The shortest loop through a component from its first folder in sorted order, as "a → b → a". */
function describeLoop(component: string[], edges: Map<string, Set<string>>): string {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const next of [...(edges.get(current) ?? [])].filter((folder) => members.has(folder)).sort()) {
      if (next === start) {
        const loop = [start];
        for (let at: string | undefined = current; at !== start && at !== undefined; at = cameFrom.get(at)) loop.splice(1, 0, at);
        return [...loop, start].join(' → ');
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, current);
        queue.push(next);
      }
    }
  }
  return component.join(' → ');
}
