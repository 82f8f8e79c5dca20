# Types defined in other files: SchemaDefRequirement entries brought in by $import (one of them
# importing a third file), a type object completed by $mixin, and a doc read by $include.
# Written for the tests of issue 12; not a real tool.
cwlVersion: v1.0
class: CommandLineTool
baseCommand: greet
requirements:
  SchemaDefRequirement:
    types:
      - $import: types/greeting.yml
      - $import: types/read-group.yml
inputs:
  hello:
    type: types/greeting.yml#Greeting
    doc:
      $include: types/hello-doc.txt
  read_group: types/read-group.yml#ReadGroup
  strandedness:
    type:
      $mixin: types/strandedness.yml
      name: strandedness
outputs: []
