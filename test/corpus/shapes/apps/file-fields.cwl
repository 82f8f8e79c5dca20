cwlVersion: v1.0
class: CommandLineTool
baseCommand: index
inputs:
  alignments: File
  reference: File
  annotations: File[]
  work_dir: Directory?
  threads: int?
  note: string?
outputs: []
