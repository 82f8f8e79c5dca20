cwlVersion: v1.0
$graph:
  - class: CommandLineTool
    id: "#index-fasta"
    baseCommand: [samtools, faidx]
    inputs:
      fasta: File
    outputs: []
  - class: CommandLineTool
    id: "#count-reads"
    baseCommand: [samtools, view, -c]
    inputs:
      bam: File
      min_quality: int?
    outputs: []
