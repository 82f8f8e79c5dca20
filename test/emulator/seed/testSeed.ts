/**
 * The small deterministic seed most tests use: alice and bob, four projects, the three emulator
 * apps in alice/rna-seq, 24 FASTQ files of six samples, a few BAMs, and public reference files.
 */
import { parse as parseYaml } from 'yaml';
import { tokenFor } from '../ids';
import { BAM_STATS } from './apps/bamStats';
import { SALMON_QUANT_YAML } from './apps/salmonQuant';
import { starAlignRevision } from './apps/starAlign';
import { fileIdOf } from './fileIds';
import type { SeedData, SeedFile } from './seedData';

export const PUBLIC_PROJECT = 'admin/sbg-public-data';

export function testSeed(): SeedData {
  const reference = fileIdOf(PUBLIC_PROJECT, 'GRCh38.primary_assembly.fa');
  return {
    users: [
      { username: 'alice', first_name: 'Alice', last_name: 'Liddell', email: 'alice@example.org', token: tokenFor('alice'), expiredToken: tokenFor('alice-expired') },
      { username: 'bob', first_name: 'Bob', last_name: 'Builder', email: 'bob@example.org', token: tokenFor('bob') },
    ],
    projects: [
      { id: 'alice/rna-seq', name: 'RNA-seq', members: ['alice'], description: 'Bulk RNA-seq of six samples.', category: 'PRIVATE', tags: ['rna'] },
      { id: 'alice/variant-calling', name: 'Variant calling', members: ['alice'], category: 'PRIVATE' },
      { id: 'bob/private', name: 'Private', members: ['bob'], category: 'PRIVATE' },
      { id: PUBLIC_PROJECT, name: 'SBG Public Data', members: ['admin'], isPublic: true, category: 'PUBLIC' },
    ],
    apps: [
      { project: 'alice/rna-seq', name: 'star-align', revisions: ([0, 1, 2] as const).map((revision) => ({ raw: starAlignRevision(revision, reference) })) },
      { project: 'alice/rna-seq', name: 'salmon-quant', revisions: [{ raw: parseYaml(SALMON_QUANT_YAML) as Record<string, unknown>, yaml: SALMON_QUANT_YAML }] },
      { project: 'alice/rna-seq', name: 'bam-stats', revisions: [{ raw: BAM_STATS }] },
    ],
    files: [
      ...fastqFiles('alice/rna-seq', 6),
      { project: 'alice/rna-seq', name: 'results', type: 'folder' },
      { project: 'alice/rna-seq', name: 'S01.sorted.bam', size: 2_400_000_000, metadata: { sample_id: 'S01' } },
      { project: 'alice/rna-seq', name: 'S02.sorted.bam', size: 2_300_000_000, metadata: { sample_id: 'S02' } },
      { project: 'alice/rna-seq', name: 'S01.summary.txt', folder: 'results', size: 1_200 },
      { project: 'alice/rna-seq', name: 'salmon_index.tar.gz', size: 600_000_000 },
      { project: 'alice/variant-calling', name: 'NA12878.bam', size: 9_000_000_000, metadata: { sample_id: 'NA12878' } },
      { project: 'alice/variant-calling', name: 'NA12878.bam.bai', size: 9_000_000 },
      { project: 'alice/variant-calling', name: 'NA12891.bam', size: 8_500_000_000, metadata: { sample_id: 'NA12891' } },
      { project: 'bob/private', name: 'secret_R1.fastq.gz', size: 1_000_000, metadata: { sample_id: 'X1' } },
      { project: 'bob/private', name: 'secret_R2.fastq.gz', size: 1_000_000, metadata: { sample_id: 'X1' } },
      { project: PUBLIC_PROJECT, name: 'GRCh38.primary_assembly.fa', size: 3_100_000_000, metadata: { reference_genome: 'GRCh38' } },
      { project: PUBLIC_PROJECT, name: 'GRCh38.primary_assembly.fa.fai', size: 8_000 },
      { project: PUBLIC_PROJECT, name: 'gencode.v44.annotation.gtf', size: 1_500_000_000, metadata: { reference_genome: 'GRCh38' } },
      { project: PUBLIC_PROJECT, name: 'dbsnp_156.vcf.gz', size: 28_000_000_000 },
      { project: PUBLIC_PROJECT, name: 'GRCh38_reference', type: 'folder' },
    ],
  };
}

/**
 * FASTQ files of `samples` samples (S01...), two lanes and two reads each, with sample_id,
 * library_id (one library per lane), platform_unit_id and paired_end metadata.
 */
export function fastqFiles(project: string, samples: number, firstSample = 1): SeedFile[] {
  const files: SeedFile[] = [];
  for (let s = firstSample; s < firstSample + samples; s++) {
    const sample = `S${String(s).padStart(2, '0')}`;
    for (const lane of ['L001', 'L002']) {
      for (const read of ['1', '2']) {
        files.push({
          project,
          name: `${sample}_${lane}_R${read}.fastq.gz`,
          size: 1_000_000_000 + s * 1_000 + Number(read),
          metadata: {
            sample_id: sample,
            library_id: `${sample}-${lane === 'L001' ? 'A' : 'B'}`,
            platform_unit_id: `${sample}.${lane}`,
            paired_end: read,
            platform: 'ILLUMINA',
          },
        });
      }
    }
  }
  return files;
}
