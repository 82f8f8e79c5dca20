/**
 * Citations stay inside the repository: no source, test or document cites the team's notes that
 * live outside it (the API notes or the design document, by file name), and every
 * `docs/PLATFORM.md#<section>` a file cites, and every `#anchor` link of a Markdown file into a
 * Markdown document, names a heading that exists there (GitHub's anchor for it).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..');
const platformDoc = path.join(root, 'docs', 'PLATFORM.md');

/** Documents outside the repository that comments used to cite; spelt in parts so this file does not cite them. */
const outsideDocuments = ['SBG-API', 'DESIGN'].map((name) => `${name}.md`);
const scannedExtensions = new Set(['.ts', '.js', '.mjs', '.cjs', '.md']);
const skippedDirectories = new Set(['node_modules', 'out', 'dist', 'test-artifacts']);

/** GitHub's anchor for a heading's text: lower case, punctuation dropped, each space a hyphen. */
function slugOf(heading: string): string {
  const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** The anchors of a Markdown text's headings (outside fenced code), repeated ones numbered as GitHub does. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = slugOf(heading[1]);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/**
 * What is wrong with one file's citations. `platformAnchors` are docs/PLATFORM.md's; `readMarkdown`
 * gives the text of a Markdown file a link points into (undefined when it does not exist).
 */
function citationProblems(
  file: string,
  text: string,
  platformAnchors: Set<string>,
  readMarkdown: (absolutePath: string) => string | undefined,
): string[] {
  const problems: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    for (const name of outsideDocuments) {
      if (line.includes(name)) problems.push(`${where} cites ${name}, which is not in the repository`);
    }
    for (const match of line.matchAll(/PLATFORM\.md#([\p{L}\p{N}_-]+)/gu)) {
      if (!platformAnchors.has(match[1])) problems.push(`${where} cites docs/PLATFORM.md#${match[1]}, which is no heading there`);
    }
    if (!file.endsWith('.md')) return;
    for (const match of line.matchAll(/\]\(([^)\s#]*)#([^)\s]+)\)/g)) {
      const [, target, anchor] = match;
      if (target !== '' && !target.endsWith('.md')) continue;
      if (/^[a-z]+:/.test(target)) continue;
      const absolute = target === '' ? path.join(root, file) : path.resolve(path.dirname(path.join(root, file)), target);
      const markdown = target === '' ? text : readMarkdown(absolute);
      if (markdown === undefined) problems.push(`${where} links to ${target}, which does not exist`);
      else if (!anchorsOf(markdown).has(anchor)) problems.push(`${where} links to ${target}#${anchor}, which is no heading there`);
    }
  });
  return problems;
}

/** The repository's source, test and document files, relative to the root. */
function scannedFiles(directory = root): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || skippedDirectories.has(entry.name)) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...scannedFiles(full));
    else if (entry.isFile() && scannedExtensions.has(path.extname(entry.name))) files.push(path.relative(root, full));
  }
  return files;
}

function readIfExists(absolutePath: string): string | undefined {
  return fs.existsSync(absolutePath) ? fs.readFileSync(absolutePath, 'utf8') : undefined;
}

describe('citations', () => {
  const platformAnchors = anchorsOf(fs.readFileSync(platformDoc, 'utf8'));

  it('computes GitHub anchors, numbering repeated headings', () => {
    assert.equal(slugOf('Batch parents and children'), 'batch-parents-and-children');
    assert.equal(slugOf('Variants: the unknowns, played either way'), 'variants-the-unknowns-played-either-way');
    assert.equal(slugOf('The `fields` selector'), 'the-fields-selector');
    assert.equal(slugOf("What a task's `inputs` hold"), 'what-a-tasks-inputs-hold');
    assert.deepEqual([...anchorsOf('# A\n## B b\n```\n# not a heading\n```\n## B b\n')], ['a', 'b-b', 'b-b-1']);
  });

  it('finds each kind of bad citation', () => {
    const anchors = new Set(['batching']);
    const none = () => undefined;
    const [notes, design] = outsideDocuments;
    assert.deepEqual(citationProblems('a.ts', `// (${notes} §10)\n// see ${design}`, anchors, none), [
      `a.ts:1 cites ${notes}, which is not in the repository`,
      `a.ts:2 cites ${design}, which is not in the repository`,
    ]);
    const cite = (anchor: string) => `docs/PLATFORM.md#${anchor}`;
    assert.deepEqual(citationProblems('a.ts', `// (${cite('batching')}, ${cite('batch')})`, anchors, none), [
      `a.ts:1 cites ${cite('batch')}, which is no heading there`,
    ]);
    assert.deepEqual(citationProblems('docs/a.md', '# Top\n[up](#top) [gone](#gone) [x](missing.md#top) [y](b.md#top)', anchors, (file) =>
      file === path.join(root, 'docs', 'b.md') ? '# Other' : undefined), [
      'docs/a.md:2 links to #gone, which is no heading there',
      'docs/a.md:2 links to missing.md, which does not exist',
      'docs/a.md:2 links to b.md#top, which is no heading there',
    ]);
  });

  it('docs/PLATFORM.md has the sections the code cites most', () => {
    for (const anchor of ['deployments-and-sign-in', 'creating-a-task', 'batching', 'batch-parents-and-children', 'what-no-public-source-settles']) {
      assert.ok(platformAnchors.has(anchor), anchor);
    }
  });

  it('every source, test and document cites only what is in the repository', () => {
    const files = scannedFiles();
    assert.ok(files.includes(path.join('platform', 'src', 'environments.ts')), 'the walk reaches the sources');
    assert.ok(files.includes(path.join('test', 'emulator', 'README.md')), 'the walk reaches the documents');
    const citing = files.filter((file) => fs.readFileSync(path.join(root, file), 'utf8').includes('PLATFORM.md#'));
    assert.ok(citing.length >= 40, `files citing docs/PLATFORM.md: ${citing.length}`);
    const problems = files.flatMap((file) => citationProblems(file, fs.readFileSync(path.join(root, file), 'utf8'), platformAnchors, readIfExists));
    assert.deepEqual(problems, []);
  });
});
