# An import of a file that is not there, and one that imports itself round a cycle.
cwlVersion: v1.0
class: CommandLineTool
baseCommand: greet
requirements:
  SchemaDefRequirement:
    types:
      - $import: types/absent.yml
      - $import: types/cycle-a.yml
inputs:
  hello: types/absent.yml#Greeting
  loop: types/cycle-a.yml#CycleA
  count: int
outputs: []
