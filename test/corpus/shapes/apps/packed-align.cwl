{
  "cwlVersion": "v1.2",
  "$graph": [
    {
      "class": "CommandLineTool",
      "id": "#bwa-mem",
      "baseCommand": ["bwa", "mem"],
      "inputs": [
        {"id": "#bwa-mem/reference", "type": "File"},
        {"id": "#bwa-mem/reads", "type": "File[]"}
      ],
      "outputs": [{"id": "#bwa-mem/bam", "type": "File", "outputBinding": {"glob": "*.bam"}}]
    },
    {
      "class": "CommandLineTool",
      "id": "#samtools-sort",
      "baseCommand": ["samtools", "sort"],
      "inputs": [{"id": "#samtools-sort/bam", "type": "File"}],
      "outputs": [{"id": "#samtools-sort/sorted", "type": "File", "outputBinding": {"glob": "*.bam"}}]
    },
    {
      "class": "Workflow",
      "id": "#align-and-sort",
      "inputs": [
        {"id": "#align-and-sort/reference", "type": "File"},
        {"id": "#align-and-sort/reads", "type": "File[]"},
        {"id": "#align-and-sort/threads", "type": ["null", "int"], "default": 4}
      ],
      "outputs": [{"id": "#align-and-sort/sorted", "type": "File", "outputSource": "#align-and-sort/sort/sorted"}],
      "steps": [
        {
          "id": "#align-and-sort/align",
          "run": "#bwa-mem",
          "in": [
            {"id": "#align-and-sort/align/reference", "source": "#align-and-sort/reference"},
            {"id": "#align-and-sort/align/reads", "source": "#align-and-sort/reads"}
          ],
          "out": ["#align-and-sort/align/bam"]
        },
        {
          "id": "#align-and-sort/sort",
          "run": "#samtools-sort",
          "in": [{"id": "#align-and-sort/sort/bam", "source": "#align-and-sort/align/bam"}],
          "out": ["#align-and-sort/sort/sorted"]
        }
      ]
    }
  ]
}
