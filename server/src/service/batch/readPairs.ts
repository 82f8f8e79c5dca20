/**
 * Reads that look paired: two file names that differ only in a read number just before the
 * extension or a lane/chunk suffix (`S01_L001_R1.fastq.gz` / `S01_L001_R2.fastq.gz`,
 * `x_1.fq` / `x_2.fq`, `S1_R1_001.fastq.gz` / `S1_R2_001.fastq.gz`). Batching such files by item
 * sends each mate to its own child.
 */

/** The name with its read number replaced by a marker, and the read number; undefined when it has none. */
function mateKey(name: string): { stem: string; read: '1' | '2' } | undefined {
  const dot = name.indexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const match = /^(.*[._-]R?)([12])((?:[._-]\d+)?)$/i.exec(base);
  if (!match) return undefined;
  return { stem: `${match[1]}*${match[3]}${dot > 0 ? name.slice(dot) : ''}`.toLowerCase(), read: match[2] as '1' | '2' };
}

/** Pairs of indexes into `names` whose names are mates (each index in at most one pair). */
export function readPairs(names: readonly string[]): [number, number][] {
  const firsts = new Map<string, number>();
  const seconds = new Map<string, number>();
  names.forEach((name, index) => {
    const key = mateKey(name);
    if (!key) return;
    const side = key.read === '1' ? firsts : seconds;
    if (!side.has(key.stem)) side.set(key.stem, index);
  });
  const pairs: [number, number][] = [];
  for (const [stem, first] of firsts) {
    const second = seconds.get(stem);
    if (second !== undefined) pairs.push([first, second]);
  }
  return pairs;
}
