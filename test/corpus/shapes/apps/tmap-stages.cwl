# A mapper in the style of the tmap test tool: each stage lists the algorithms it runs, and each
# algorithm is one of several record types told apart by their fields and by an enum-valued
# discriminator field ("algo"). Written for the tests of issue 12; not a real tool.
cwlVersion: v1.0
class: CommandLineTool
baseCommand: mapper
inputs:
  reads: File
  stages:
    type:
      type: array
      items:
        type: record
        name: Stage
        fields:
          stageId: int
          algos:
            type:
              type: array
              items:
                - type: record
                  name: map1
                  fields:
                    algo:
                      type: {type: enum, name: map1_algo, symbols: [map1]}
                    seedLength: int?
                    maxSeqLength: int?
                - type: record
                  name: map2
                  fields:
                    algo:
                      type: {type: enum, name: map2_algo, symbols: [map2]}
                    maxSeedHits: int?
                    seedFraction: float?
                - type: record
                  name: map3
                  fields:
                    algo:
                      type: {type: enum, name: map3_algo, symbols: [map3]}
                    hitFrequency: int?
  threshold:
    doc: A number, the word auto, explicit bounds or a list of cut-offs.
    type:
      - int
      - {type: enum, name: auto_threshold, symbols: [auto]}
      - type: record
        name: bounds
        fields:
          low: int
          high: int
      - {type: array, items: int}
outputs: []
