/**
 * What one validation of a document keeps for the next: typing a character into a 10,000-file
 * batch body changes one File object, and checking the other 9,999 again cost most of the time
 * between the keystroke and its diagnostics. The re-parse knows which rows it read again
 * (`SyntaxTree.lineages`, read through `RowMap`); the checks that walk every item keep what they
 * found per item, per object or per list, and the next validation takes it for every subtree
 * whose text did not change, reading only the rest.
 *
 * Kept only when it cannot differ from a fresh check: the next tree was re-read from the very tree
 * validated (in one or a few steps: versions parsed for other requests in between), the app model is the same object, and the file answers
 * the checks read have not changed (`TaskContext.fileAnswersVersion`). An item whose findings hang
 * on anything else (a file not known yet, whose answer may come; "did you mean", which shares one
 * budget per validation) is checked again every time. Findings are kept relative to their item, so
 * they hold wherever the item moves; tests compare with a fresh validation over random edits.
 */
import type { AppModel } from '../cwl/model';
import type { TaskContext } from '../providers';
import type { TaskDocument } from '../document/taskDocument';
import { RowMap } from '../document/rowMap';
import type { SyntaxTree } from '../document/syntaxTree';
import type { DiagnosticCode, SeveritySetting } from './codes';
import type { DiagnosticData, FindingSink } from './report';
import type { SuggestionBudget } from './nearest';

/** A problem found inside an item, `at` characters after the item's start. */
export interface Finding {
  readonly at: number;
  readonly length: number;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly data?: DiagnosticData;
  readonly severity?: SeveritySetting;
}

/** A key written twice: the object, the repeated key and the first one, as rows. */
export interface KeyPair {
  readonly object: number;
  readonly key: number;
  readonly first: number;
}

/** An item of a list that repeats an earlier item's file: its row and the first item's index. */
export interface RepeatedFile {
  readonly item: number;
  readonly firstIndex: number;
}

/** The findings of a list's File objects, by item index. */
class ItemList {
  readonly rows: Int32Array;
  /** Findings by index, for the items that may be taken again; undefined for the others. */
  readonly found: (readonly Finding[] | undefined)[] = [];

  constructor(readonly params: string, count: number) {
    this.rows = new Int32Array(count).fill(-1);
  }
}

interface Kept {
  readonly tree: SyntaxTree;
  readonly model: AppModel | undefined;
  readonly answers: number | 'none' | 'unversioned';
  duplicateKeys: readonly KeyPair[] | undefined;
  readonly itemLists: Map<number, ItemList>;
  readonly repeatedFiles: Map<number, readonly RepeatedFile[]>;
}

const MAX_DOCUMENTS = 10;
const kept = new Map<string, Kept>();

const NONE: readonly Finding[] = [];

/** One validation's view of what the last one kept, and what it keeps for the next. */
export class Reuse {
  private readonly next: Kept;

  private constructor(
    private readonly uri: string,
    readonly tree: SyntaxTree,
    /** Where the kept rows are now; undefined when nothing can be taken. */
    readonly rows: RowMap | undefined,
    private readonly previous: Kept | undefined,
    model: AppModel | undefined,
    answers: Kept['answers'],
  ) {
    this.next = { tree, model, answers, duplicateKeys: undefined, itemLists: new Map(), repeatedFiles: new Map() };
  }

  static begin(document: TaskDocument, model: AppModel | undefined, context: TaskContext): Reuse {
    const uri = document.textDocument.uri;
    const answers = context.fileInfo === undefined ? 'none' : context.fileAnswersVersion ?? 'unversioned';
    const previous = kept.get(uri);
    const fits = previous !== undefined && previous.model === model && previous.answers === answers;
    const rows = fits ? RowMap.between(document.tree, previous.tree) : undefined;
    return new Reuse(uri, document.tree, rows, rows && previous, model, answers);
  }

  /** Whether items that asked for a file's record may be taken again (the answers have a version). */
  get answersVersioned(): boolean {
    return this.next.answers !== 'unversioned';
  }

  /** Keeps this validation's findings for the next one of the same document. */
  keep(): void {
    kept.delete(this.uri);
    kept.set(this.uri, this.next);
    if (kept.size > MAX_DOCUMENTS) kept.delete(kept.keys().next().value!);
  }

  /** The previous tree, when its findings may be taken (to compare what a re-read item holds). */
  get previousTree(): SyntaxTree | undefined {
    return this.previous?.tree;
  }

  duplicateKeys(): readonly KeyPair[] | undefined {
    return this.previous?.duplicateKeys;
  }

  keepDuplicateKeys(pairs: readonly KeyPair[]): void {
    this.next.duplicateKeys = pairs;
  }

  /** The repeated files the last validation found in the list now at `list`, as it found them (previous rows). */
  repeatedFiles(list: number): readonly RepeatedFile[] | undefined {
    const before = this.rows?.previousPosition(list) ?? -1;
    return before < 0 ? undefined : this.previous?.repeatedFiles.get(before);
  }

  keepRepeatedFiles(list: number, repeats: readonly RepeatedFile[]): void {
    this.next.repeatedFiles.set(list, repeats);
  }

  /**
   * The File objects of the list at row `list`, checked with `params` (the port, the place and the
   * kind: whatever the messages spell out besides the item itself).
   */
  items(list: number, params: string, count: number): ListReuse {
    const before = this.rows?.previousPosition(list) ?? -1;
    const old = before < 0 ? undefined : this.previous?.itemLists.get(before);
    const next = new ItemList(params, count);
    this.next.itemLists.set(list, next);
    return new ListReuse(old?.params === params && this.rows ? old : undefined, this.rows, next);
  }
}

/** One list's items: the findings kept for an item whose text did not change, and the new ones. */
export class ListReuse {
  constructor(
    private readonly old: ItemList | undefined,
    private readonly rows: RowMap | undefined,
    private readonly next: ItemList,
  ) {}

  /** The kept findings of the item at `index`, now at `row`; undefined when it must be checked. */
  taken(index: number, row: number): readonly Finding[] | undefined {
    const old = this.old;
    if (old === undefined || index >= old.rows.length) return undefined;
    const before = this.rows!.previousRow(row);
    if (before < 0 || old.rows[index] !== before) return undefined;
    const found = old.found[index];
    if (found !== undefined) this.keep(index, row, found);
    return found;
  }

  /** Keeps an item's findings for the next validation (only items whose findings hang on nothing else). */
  keep(index: number, row: number, findings: readonly Finding[]): void {
    if (index >= this.next.rows.length) return;
    this.next.rows[index] = row;
    this.next.found[index] = findings.length === 0 ? NONE : findings;
  }
}

/**
 * Records one item's problems instead of reporting them: the check runs as always, and what it
 * found is replayed into the validation's reporter (`replay`), now or in a later validation.
 */
export class ItemRecorder implements FindingSink {
  private readonly findings: Finding[] = [];
  private base = 0;
  private suggested = false;
  /** Set when a file answer the item read may change without an edit. */
  uncertain = false;

  constructor(
    readonly document: TaskDocument,
    private readonly budget: SuggestionBudget,
  ) {}

  /** Starts recording the item that begins at `offset`. */
  start(offset: number): void {
    this.findings.length = 0;
    this.base = offset;
    this.suggested = false;
    this.uncertain = false;
  }

  get suggestions(): SuggestionBudget {
    // "Did you mean" draws on one budget per validation: what it finds depends on the items before.
    this.suggested = true;
    return this.budget;
  }

  get full(): boolean {
    return false; // the reporter applies its cap when the findings are replayed
  }

  report(span: { offset: number; length: number }, code: DiagnosticCode, message: string, data?: DiagnosticData, severity?: SeveritySetting): void {
    this.findings.push({ at: span.offset - this.base, length: span.length, code, message, data, severity });
  }

  /** The item's findings (a copy), and whether a later validation may take them as they are. */
  recorded(): { findings: readonly Finding[]; reusable: boolean } {
    return { findings: this.findings.length === 0 ? NONE : this.findings.slice(), reusable: !this.suggested && !this.uncertain };
  }
}
