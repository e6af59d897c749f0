import FritekstCodebook
import FritekstTestSupport
import FritekstText

/// Builds a one-code codebook ("x") from a YAML rules block, plus optional top-level YAML.
func codebook(rules: String, extra: String = "", file: String = "test.yaml") -> CodebookLoader.Result {
  let indented = rules.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
  let yaml = """
    id: t
    title: Test
    version: "1"
    language: both
    \(extra)
    codes:
      - id: x
        label: X
        rules:
    \(indented)
    """
  return CodebookLoader.parse(yaml: yaml, path: file)
}

/// Merged hit spans of code "x" in `text`, as UTF-16 ranges (comparable with MarkedText.marks).
func markedHits(_ result: CodebookLoader.Result, _ text: String, code: String = "x") throws -> [Range<Int>] {
  let compiled = CompiledCodebook(result.codebook!)
  let tokens = try Tokenizer().tokenize(text)
  return compiled.makeSession().match(tokens).filter { $0.codeID == code }
    .flatMap(\.mergedSpans).map { $0.start..<$0.end }
}
