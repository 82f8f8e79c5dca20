/**
 * `salmon-quant`: a CWL v1.0 tool kept as YAML text, as apps installed from YAML are. Exercises
 * File?, File[], string[]?, an enum with a default, int?, a float and a boolean with defaults.
 */
export const SALMON_QUANT_YAML = `cwlVersion: v1.0
class: CommandLineTool
label: Salmon quant (emulator)
doc: Quantifies transcript abundance from RNA-seq reads.
baseCommand: [salmon, quant]
inputs:
  - id: index
    label: Salmon index
    type: File
    sbg:fileTypes: TAR, TAR.GZ
  - id: reads
    label: Reads
    type: File[]
    sbg:fileTypes: FASTQ, FASTQ.GZ, FQ.GZ
  - id: gene_map
    label: Transcript-to-gene map
    type: File?
    sbg:fileTypes: GTF, TSV
  - id: lib_type
    label: Library type
    type:
      type: enum
      name: lib_type
      symbols: [A, IU, ISF, ISR, U]
    default: A
  - id: threads
    type: int?
    sbg:toolDefaultValue: "4"
  - id: min_score_fraction
    label: Minimum alignment score fraction
    type: float
    default: 0.65
  - id: validate_mappings
    type: boolean
    default: true
  - id: extra_args
    label: Extra arguments
    type: string[]?
outputs:
  - id: quant
    type: File
    outputBinding:
      glob: quant.sf
`;
