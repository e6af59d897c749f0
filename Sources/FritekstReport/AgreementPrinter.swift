import FritekstAnalysis

/// Prints an ``AgreementReport``: a Markdown report (also what the terminal shows), a CSV table
/// and a JSON document. Undefined metrics print as "–" (CSV: empty, JSON: null).
public enum AgreementPrinter {
  static func num(_ v: Double?, _ decimals: Int = 3) -> String { v.map { formatFixed($0, decimals: decimals) } ?? "–" }

  /// The text with spans (UTF-16) wrapped in [ ], line breaks shown as ⏎.
  public static func highlight(_ text: String, _ spans: [TextSpanValue]) -> String {
    let units = Array(text.utf16)
    var out = ""
    var pos = 0
    for s in spans.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) where s.start >= pos && s.end <= units.count {
      out += String(decoding: units[pos..<s.start], as: UTF16.self)
      out += "[" + String(decoding: units[s.start..<s.end], as: UTF16.self) + "]"
      pos = s.end
    }
    out += String(decoding: units[pos...], as: UTF16.self)
    return out.replacingAll("\r\n", with: "⏎").replacingAll("\n", with: "⏎")
  }

  public static let definitions = """
    TP both sides assign the code, FP only A, FN only B (the reference), TN neither. \
    precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2PR/(P+R) (0 when P = R = 0), \
    prevalence = (TP+FN)/N, kappa = (po − pe)/(1 − pe) with pe from the marginals. \
    "–" = undefined (a zero denominator; kappa when pe = 1, i.e. both sides make the same \
    constant decision). micro = from summed counts; macro = mean over the codes where defined (k = codes included).
    """

  public static func markdown(_ r: AgreementReport, title: String = "Agreement") -> String {
    var s = "# \(title)\n\n"
    s += "- A (under test): `\(r.sideA)`\n- B (reference): `\(r.sideB)`\n"
    s += "- compared answers: \(r.compared.count); with at least one code: A \(r.answersCodedA), B \(r.answersCodedB); "
    s += "identical code sets: \(r.identicalSets)\n"
    for n in r.notes { s += "- note: \(n)\n" }
    s += "\n| code | label | A | B | TP | FP | FN | TN | prevalence | precision | recall | F1 | kappa |\n"
    s += "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n"
    for row in r.rows {
      let c = row.counts
      s += "| `\(row.codeID)` | \(md(row.label)) | \(c.codedA) | \(c.codedB) | \(c.tp) | \(c.fp) | \(c.fn) | \(c.tn) | \(num(c.prevalence)) | \(num(c.precision)) | \(num(c.recall)) | \(num(c.f1)) | \(num(c.kappa)) |\n"
    }
    let m = r.micro
    s += "| **micro** | summed counts | \(m.codedA) | \(m.codedB) | \(m.tp) | \(m.fp) | \(m.fn) | \(m.tn) | \(num(m.prevalence)) | \(num(m.precision)) | \(num(m.recall)) | \(num(m.f1)) | \(num(m.kappa)) |\n"
    s += "| **macro** | mean over codes (k) |  |  |  |  |  |  |  | \(macro(r.macroPrecision)) | \(macro(r.macroRecall)) | \(macro(r.macroF1)) | \(macro(r.macroKappa)) |\n"
    s += "\n" + definitions + "\n"
    if !r.issues.isEmpty {
      s += "\n## Problems in the manual coding (\(r.issues.count))\n\n"
      for i in r.issues { s += "- \(i)\n" }
    }
    if !r.onlyInA.isEmpty {
      s += "\n## Only in A, not compared (\(r.onlyInA.count))\n\n" + r.onlyInA.map { "`\($0)`" }.joined(separator: ", ") + "\n"
    }
    if !r.onlyInB.isEmpty {
      s += "\n## Only in B, not compared (\(r.onlyInB.count))\n\n" + r.onlyInB.map { "`\($0)`" }.joined(separator: ", ") + "\n"
    }
    s += "\n## Disagreements (\(r.disagreements.count))\n"
    if r.disagreements.isEmpty { s += "\nnone\n" }
    for row in r.rows {
      let ds = r.disagreements.filter { $0.codeID == row.codeID }
      guard !ds.isEmpty else { continue }
      s += "\n### `\(row.codeID)` \(md(row.label)) — \(ds.filter { $0.kind == .falsePositive }.count) only in A, \(ds.filter { $0.kind == .falseNegative }.count) only in B\n\n"
      for d in ds {
        s += "- " + (d.kind == .falsePositive ? "**only A** (false positive)" : "**only B** (false negative)") + " `\(d.id)`"
        if d.kind == .falsePositive && !d.rules.isEmpty { s += " — rule " + d.rules.map { "`\($0)`" }.joined(separator: ", ") }
        s += "\n"
        if let t = d.text { s += "  > \(md(highlight(t, d.highlights)))\n" }
        if d.kind == .falseNegative && (!d.rules.isEmpty || d.text != nil || d.nearMiss != nil) {
          if let nm = d.nearMiss {
            s += "\n  ↳ no rule fired; nearest near miss: rule `\(nm.ruleID)` \(nm.verdict): \(md(nm.detail))\n"
          } else if r.sideA.hasPrefix("fritekst") {
            s += "\n  ↳ no rule fired; no rule of this code came close\n"
          }
        }
      }
    }
    return s
  }

  static func macro(_ m: MacroValue) -> String { "\(num(m.value)) (k=\(m.codes))" }

  static func md(_ s: String) -> String { s.replacingAll("|", with: "\\|") }

  public static let csvHeader = [
    "code", "label", "n", "coded_a", "coded_b", "tp", "fp", "fn", "tn", "prevalence", "precision", "recall", "f1",
    "kappa", "codes_in_macro",
  ]

  /// One row per code, then `(micro)` and `(macro)` rows; undefined values are empty.
  public static func csv(_ r: AgreementReport, format: CSVFormat = CSVFormat()) -> String {
    func f(_ v: Double?) -> String {
      guard let v else { return "" }
      let s = formatFixed(v, decimals: 4)
      return format.decimalMark == "," ? s.replacingAll(".", with: ",") : s
    }
    var out = format.row(csvHeader)
    let rows: [(String, String, ConfusionCounts)] = r.rows.map { ($0.codeID, $0.label, $0.counts) } + [("(micro)", "summed counts", r.micro)]
    for (code, label, c) in rows {
      let ints: [String] = [c.n, c.codedA, c.codedB, c.tp, c.fp, c.fn, c.tn].map { String($0) }
      let metrics: [String] = [c.prevalence, c.precision, c.recall, c.f1, c.kappa].map(f)
      out += format.row([code, label] + ints + metrics + [""])
    }
    let ks = [r.macroPrecision, r.macroRecall, r.macroF1, r.macroKappa]
    out += format.row(["(macro)", "mean over codes where defined", String(r.compared.count), "", "", "", "", "", "", ""] + ks.map { f($0.value) } + [ks.map { String($0.codes) }.joined(separator: "/")])
    return out
  }

  public static func json(_ r: AgreementReport) -> JSON {
    func d(_ v: Double?) -> JSON { v.map { .double($0, decimals: 6) } ?? .null }
    func counts(_ c: ConfusionCounts) -> [(String, JSON)] {
      [
        ("n", .int(c.n)), ("coded_a", .int(c.codedA)), ("coded_b", .int(c.codedB)), ("tp", .int(c.tp)), ("fp", .int(c.fp)),
        ("fn", .int(c.fn)), ("tn", .int(c.tn)), ("prevalence", d(c.prevalence)), ("precision", d(c.precision)),
        ("recall", d(c.recall)), ("f1", d(c.f1)), ("kappa", d(c.kappa)),
      ]
    }
    func macro(_ m: MacroValue) -> JSON { .object([("value", d(m.value)), ("codes", .int(m.codes))]) }
    return .object([
      ("side_a", .string(r.sideA)), ("side_b", .string(r.sideB)), ("compared", .int(r.compared.count)),
      ("answers_coded_a", .int(r.answersCodedA)), ("answers_coded_b", .int(r.answersCodedB)),
      ("identical_code_sets", .int(r.identicalSets)),
      ("codes", .array(r.rows.map { .object([("code", .string($0.codeID)), ("label", .string($0.label))] + counts($0.counts)) })),
      ("micro", .object(counts(r.micro))),
      ("macro", .object([("precision", macro(r.macroPrecision)), ("recall", macro(r.macroRecall)), ("f1", macro(r.macroF1)), ("kappa", macro(r.macroKappa))])),
      ("only_in_a", .array(r.onlyInA.map { .string($0) })), ("only_in_b", .array(r.onlyInB.map { .string($0) })),
      ("notes", .array(r.notes.map { .string($0) })),
      ("issues", .array(r.issues.map { .object([("file", .string($0.file)), ("line", .int($0.line)), ("kind", .string($0.kind.rawValue)), ("message", .string($0.message))]) })),
      ("disagreements", .array(r.disagreements.map { x in
        .object([
          ("id", .string(x.id)), ("code", .string(x.codeID)), ("kind", .string(x.kind.rawValue)), ("text", x.text.map { .string($0) } ?? .null),
          ("rules", .array(x.rules.map { .string($0) })),
          ("highlights", .array(x.highlights.map { .array([.int($0.start), .int($0.end)]) })),
          ("near_miss", x.nearMiss.map { .object([("rule", .string($0.ruleID)), ("verdict", .string($0.verdict)), ("detail", .string($0.detail))]) } ?? .null),
        ])
      })),
    ])
  }
}
