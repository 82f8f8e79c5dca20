/**
 * The demo seed: the test seed plus a larger project (240 FASTQ files of 60 samples) and apps of
 * every kind (draft-2 and CWL v1.0/v1.2, JSON and YAML, tools and workflows, with and without
 * app-level batching).
 */
import { FASTQC, SAMTOOLS_INDEX, VARIANT_CALLING } from './apps/demoApps';
import type { SeedData } from './seedData';
import { fastqFiles, testSeed } from './testSeed';

export function demoSeed(): SeedData {
  const seed = testSeed();
  seed.projects.push({ id: 'alice/cohort-study', name: 'Cohort study', members: ['alice'], description: 'A cohort of 60 samples.', category: 'PRIVATE' });
  seed.files.push(...fastqFiles('alice/cohort-study', 60));
  seed.files.push(
    ...Array.from({ length: 24 }, (_, i) => ({
      project: 'alice/variant-calling',
      name: `P${String(i + 1).padStart(3, '0')}.dedup.bam`,
      size: 7_000_000_000 + i,
      metadata: { sample_id: `P${String(i + 1).padStart(3, '0')}`, case_id: `C${Math.floor(i / 2) + 1}` },
    })),
  );
  seed.apps.push(
    { project: 'alice/rna-seq', name: 'fastqc', revisions: [{ raw: FASTQC }] },
    { project: 'alice/cohort-study', name: 'fastqc', revisions: [{ raw: FASTQC }] },
    { project: 'alice/variant-calling', name: 'germline-calling', revisions: [{ raw: VARIANT_CALLING }] },
    { project: 'alice/variant-calling', name: 'samtools-index', revisions: [{ raw: SAMTOOLS_INDEX }] },
  );
  seed.apps.push({ ...seed.apps[0], project: 'alice/cohort-study' });
  return seed;
}
