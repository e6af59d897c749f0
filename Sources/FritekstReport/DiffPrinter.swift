import FritekstAnalysis

/// Prints a ``CodebookDiff`` as Markdown.
public enum DiffPrinter {
  public static func markdown(_ d: CodebookDiff, old: String, new: String) -> String {
    var s = "# Codebook diff\n\n- old: `\(old)`\n- new: `\(new)`\n"
    s += "- answers compared: \(d.answers); with a changed code set: \(d.answersChanged); "
    s += "codes gained: \(d.changes.filter { $0.kind == .gained }.count), lost: \(d.changes.filter { $0.kind == .lost }.count)\n"
    s += "\n## Answers that gained or lost codes\n\n"
    if d.changes.isEmpty { s += "none\n" }
    for c in d.changes {
      let sign = c.kind == .gained ? "+" : "−"
      let version = c.kind == .gained ? "new" : "old"
      s += "- \(sign) `\(c.codeID)` `\(c.answerID)` (\(c.band)) — \(version) rule " + c.rules.map { "`\($0)`" }.joined(separator: ", ")
      s += ", matched " + c.matched.map { "“\($0)”" }.joined(separator: ", ") + "\n"
      s += "  > \(AgreementPrinter.highlight(c.text, c.highlights).replacingAll("|", with: "\\|"))\n"
    }
    s += "\n## Tally cells that changed (respondents with the code / respondents who answered)\n\n"
    if d.cells.isEmpty {
      s += "none\n"
    } else {
      s += "| question | code | band | old | new | change |\n|---|---|---|--:|--:|--:|\n"
      for c in d.cells {
        let o = c.inOld ? "\(c.old.count)/\(c.old.base)" : "(absent)"
        let n = c.inNew ? "\(c.new.count)/\(c.new.base)" : "(absent)"
        let delta = c.new.count - c.old.count
        s += "| \(c.question) | `\(c.row)` \(c.label) | \(c.band) | \(o) | \(n) | \(delta > 0 ? "+" : "")\(delta) |\n"
      }
    }
    return s
  }
}
