import FritekstText

/// Runs every code's `examples:` through the compiled matcher and reports failures as
/// diagnostics located at the example, explaining which rule fired (with the words) or why none
/// did.
public enum ExampleRunner {
  /// Failures of the codebook's own examples (empty when all pass).
  public static func run(_ compiled: CompiledCodebook, tokenizer: Tokenizer) -> [Diagnostic] {
    let session = compiled.makeSession()
    var findings: [Diagnostic] = []
    for code in compiled.codebook.codes {
      let ids = Set(descendants(of: code.id, in: compiled.codebook))
      for example in code.mustMatch {
        let text = tokenizer.tokenize(example.text)
        let (hits, decisions) = session.explain(text)
        if hits.contains(where: { ids.contains($0.codeID) }) { continue }
        var notes = decisions.filter { ids.contains($0.codeID) }.map { "rule '\($0.ruleID)': \($0.verdict.rawValue): \($0.detail)" }
        if notes.isEmpty { notes = ["no rule of '\(code.id)' found any of its words in this answer"] }
        let others = hits.map(\.codeID)
        if !others.isEmpty { notes.append("codes assigned instead: \(others.joined(separator: ", "))") }
        findings.append(Diagnostic(.error, "example should get code '\(code.id)' but does not: \(quoted(example.text))", at: example.location ?? code.location, notes: notes))
      }
      for example in code.mustNotMatch {
        let text = tokenizer.tokenize(example.text)
        let offending = session.match(text).filter { ids.contains($0.codeID) }
        if offending.isEmpty { continue }
        let notes = offending.map { "rule '\($0.ruleID)' of '\($0.codeID)' matched '\($0.matchedText(in: example.text))' (tokens \($0.tokens.map(String.init).joined(separator: ",")))" }
        findings.append(Diagnostic(.error, "example must not get code '\(code.id)' but does: \(quoted(example.text))", at: example.location ?? code.location, notes: notes))
      }
    }
    return findings
  }

  /// `id` and every code below it (an example of a parent is satisfied by any child's hit).
  static func descendants(of id: String, in codebook: Codebook) -> [String] {
    var result = [id]
    var i = 0
    while i < result.count {
      let current = result[i]
      for c in codebook.codes where c.parent == current && !result.contains(c.id) { result.append(c.id) }
      i += 1
    }
    return result
  }

  private static func quoted(_ s: String) -> String {
    let short = s.count > 80 ? String(s.prefix(77)) + "…" : s
    return "\"\(short)\""
  }
}
