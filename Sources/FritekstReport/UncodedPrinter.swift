import FritekstAnalysis

/// Prints the uncoded answers and the term suggestions of ``UncodedTerms``.
public enum UncodedPrinter {
  public static let scoreDefinition = """
    Counts are answers (each answer counts a term once): u = uncoded, c = coded. \
    score = log2(((u + 0.5)/(U + 1)) / ((c + 0.5)/(C + 1))), U and C the numbers of uncoded and \
    coded answers: how many times more common the term is among uncoded answers, on a log2 scale, \
    with add-½ smoothing. Stop words (Bokmål and Nynorsk) are dropped as single words and may not \
    start or end a phrase.
    """

  public static func markdown(
    title: String, uncoded: [UncodedAnswer], codedCount: Int, candidates: [TermCandidate], listAnswers: Bool = true
  ) -> String {
    var s = "# \(title)\n\n"
    let total = uncoded.count + codedCount
    s += "\(uncoded.count) of \(total) answers uncoded (no code caught them); \(codedCount) coded. Non-answers are not counted.\n"
    s += "\n## Terms and phrases frequent in uncoded answers (\(candidates.count))\n\n"
    s += scoreDefinition + "\n\n"
    if candidates.isEmpty {
      s += "none\n"
    } else {
      s += "| term | words | uncoded | coded | score | examples |\n|---|--:|--:|--:|--:|---|\n"
      for c in candidates {
        let ex = c.examples.map { "`\($0.answerID)`: \(md($0.left))**\(md($0.match))**\(md($0.right))" }.joined(separator: "<br>")
        s += "| \(md(c.term)) | \(c.length) | \(c.uncoded) | \(c.coded) | \(formatFixed(c.score, decimals: 2)) | \(ex) |\n"
      }
    }
    if listAnswers {
      s += "\n## Uncoded answers (\(uncoded.count))\n\n"
      if uncoded.isEmpty { s += "none\n" }
      for a in uncoded {
        s += "- `\(a.answerID)` (\(a.question), \(a.band)): \(a.text.replacingAll("\r\n", with: "⏎").replacingAll("\n", with: "⏎"))\n"
      }
    }
    return s
  }

  static func md(_ s: String) -> String { s.replacingAll("|", with: "\\|") }

  public static let csvHeader = ["term", "words", "uncoded", "coded", "score", "example_1", "example_2"]

  public static func csv(_ candidates: [TermCandidate], format: CSVFormat = CSVFormat()) -> String {
    var out = format.row(csvHeader)
    for c in candidates {
      var ex = c.examples.prefix(2).map { "\($0.answerID): \($0.left)[\($0.match)]\($0.right)" }
      while ex.count < 2 { ex.append("") }
      let score = formatFixed(c.score, decimals: 3)
      out += format.row([c.term, String(c.length), String(c.uncoded), String(c.coded), format.decimalMark == "," ? score.replacingAll(".", with: ",") : score] + ex)
    }
    return out
  }
}
