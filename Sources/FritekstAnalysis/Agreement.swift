/// Agreement between two codings of the same answers, per code and overall.
///
/// Side A is the coding under test (Fritekst, or the first manual file); side B is the reference
/// (the manual file, or the second manual file). For each code and each compared answer:
/// TP = both assign it, FP = only A, FN = only B, TN = neither.
///
/// ## Definitions
/// - precision = TP / (TP + FP); recall = TP / (TP + FN); F1 = 2·P·R / (P + R).
/// - prevalence = (TP + FN) / N, the reference's share of answers with the code.
/// - Cohen's kappa = (pₒ − pₑ) / (1 − pₑ) with pₒ = (TP + TN) / N and
///   pₑ = (a₁·b₁ + a₀·b₀) / N² from the marginals (a₁ = TP + FP answers A coded, b₁ = TP + FN
///   answers B coded, a₀ = N − a₁, b₀ = N − b₁). Computed in integers as
///   (N·(TP + TN) − S) / (N² − S), S = a₁b₁ + a₀b₀.
/// - Undefined (nil, printed "–", JSON null) when a denominator is 0: precision when A never
///   assigns the code, recall when B never does, F1 when P or R is undefined or P + R = 0 … except
///   that F1 = 0 when P and R are both defined and 0. Kappa is undefined when pₑ = 1, i.e. both
///   sides make the same constant decision (neither assigns the code, or both assign it to every
///   answer); it is 0 when one side assigns the code to every answer (or none) and the other does
///   not make that same constant decision. Everything is undefined when N = 0.
/// - micro: the same formulas on the counts summed over codes (kappa from the pooled table);
///   macro: the unweighted mean over the codes where the metric is defined, with the number of
///   codes that entered the mean.
public struct ConfusionCounts: Sendable, Hashable {
  public var tp = 0, fp = 0, fn = 0, tn = 0
  public init(tp: Int = 0, fp: Int = 0, fn: Int = 0, tn: Int = 0) {
    self.tp = tp
    self.fp = fp
    self.fn = fn
    self.tn = tn
  }

  public var n: Int { tp + fp + fn + tn }
  /// Answers side A coded with the code.
  public var codedA: Int { tp + fp }
  /// Answers side B (the reference) coded with the code.
  public var codedB: Int { tp + fn }

  public var precision: Double? { codedA == 0 ? nil : Double(tp) / Double(codedA) }
  public var recall: Double? { codedB == 0 ? nil : Double(tp) / Double(codedB) }
  public var f1: Double? {
    guard let p = precision, let r = recall else { return nil }
    return p + r == 0 ? 0 : 2 * p * r / (p + r)
  }
  public var prevalence: Double? { n == 0 ? nil : Double(codedB) / Double(n) }
  public var observedAgreement: Double? { n == 0 ? nil : Double(tp + tn) / Double(n) }
  public var kappa: Double? {
    let n = self.n
    guard n > 0 else { return nil }
    let a1 = codedA, b1 = codedB
    let s = a1 * b1 + (n - a1) * (n - b1)
    let denominator = n * n - s
    guard denominator != 0 else { return nil }
    return Double(n * (tp + tn) - s) / Double(denominator)
  }

  public static func + (a: ConfusionCounts, b: ConfusionCounts) -> ConfusionCounts {
    ConfusionCounts(tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn)
  }
}

/// A mean over the codes where a metric is defined.
public struct MacroValue: Sendable, Hashable {
  public let value: Double?
  /// Codes that entered the mean.
  public let codes: Int
  public init(_ values: [Double?]) {
    let defined = values.compactMap { $0 }
    codes = defined.count
    value = defined.isEmpty ? nil : defined.reduce(0, +) / Double(defined.count)
  }
}

/// One disagreement: a code on one side only, for one answer.
public struct Disagreement: Sendable {
  public enum Kind: String, Sendable {
    /// Only side A (Fritekst) assigned the code.
    case falsePositive = "false-positive"
    /// Only side B (the reference) assigned the code.
    case falseNegative = "false-negative"
  }
  public let id: String
  public let codeID: String
  public let kind: Kind
  /// The answer text when known.
  public let text: String?
  /// False positive with a codebook: the rules that fired for the code, and the matched spans.
  public var rules: [String] = []
  public var highlights: [TextSpanValue] = []
  /// False negative with a codebook: the nearest near miss for the code, if any rule came close.
  public var nearMiss: NearMiss?
  /// Other manual columns (e.g. `note`) are not read.
  public init(id: String, codeID: String, kind: Kind, text: String?) {
    self.id = id
    self.codeID = codeID
    self.kind = kind
    self.text = text
  }
}

/// A UTF-16 span (kept as plain integers so FritekstReport need not import FritekstText).
public struct TextSpanValue: Sendable, Hashable {
  public let start: Int
  public let end: Int
  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }
}

/// A rule that almost fired (from the matcher's explain).
public struct NearMiss: Sendable, Hashable {
  public let ruleID: String
  public let verdict: String
  public let detail: String
}

/// The agreement of two codings over a set of compared ids.
public struct AgreementReport: Sendable {
  public struct CodeRow: Sendable {
    public let codeID: String
    public let label: String
    public let counts: ConfusionCounts
  }

  public let sideA: String
  public let sideB: String
  /// Ids compared (in both codings), in the order given.
  public let compared: [String]
  public let rows: [CodeRow]
  public let micro: ConfusionCounts
  public var macroPrecision: MacroValue { MacroValue(rows.map(\.counts.precision)) }
  public var macroRecall: MacroValue { MacroValue(rows.map(\.counts.recall)) }
  public var macroF1: MacroValue { MacroValue(rows.map(\.counts.f1)) }
  public var macroKappa: MacroValue { MacroValue(rows.map(\.counts.kappa)) }
  /// Answers with at least one code, per side.
  public let answersCodedA: Int
  public let answersCodedB: Int
  /// Answers whose whole code set is identical on both sides (both empty included).
  public let identicalSets: Int
  public var disagreements: [Disagreement]
  /// Ids only in A's input / only in B's input (reported, not compared).
  public var onlyInA: [String] = []
  public var onlyInB: [String] = []
  /// Notes for the reader (e.g. survey answers outside the manual file).
  public var notes: [String] = []
  /// Problems in the manual file(s), with file:line.
  public var issues: [ManualCoding.Issue] = []

  /// Compares two codings on `ids`.
  /// - Parameters:
  ///   - codes: the codes to evaluate (id, label), in display order; codes assigned by either
  ///     side but not listed are ignored (the caller reports them).
  ///   - text: the answer text of an id, when known (for the disagreement list).
  public static func compare(
    ids: [String], a: (String) -> Set<String>, b: (String) -> Set<String>, codes: [(id: String, label: String)],
    sideA: String, sideB: String, text: (String) -> String? = { _ in nil }
  ) -> AgreementReport {
    var counts = [ConfusionCounts](repeating: ConfusionCounts(), count: codes.count)
    var disagreements: [Disagreement] = []
    var codedA = 0, codedB = 0, identical = 0
    let listed = Set(codes.map(\.id))
    for id in ids {
      let sa = a(id), sb = b(id)
      if !sa.intersection(listed).isEmpty { codedA += 1 }
      if !sb.intersection(listed).isEmpty { codedB += 1 }
      if sa.intersection(listed) == sb.intersection(listed) { identical += 1 }
      for (i, code) in codes.enumerated() {
        switch (sa.contains(code.id), sb.contains(code.id)) {
        case (true, true): counts[i].tp += 1
        case (true, false):
          counts[i].fp += 1
          disagreements.append(Disagreement(id: id, codeID: code.id, kind: .falsePositive, text: text(id)))
        case (false, true):
          counts[i].fn += 1
          disagreements.append(Disagreement(id: id, codeID: code.id, kind: .falseNegative, text: text(id)))
        case (false, false): counts[i].tn += 1
        }
      }
    }
    let rows = codes.enumerated().map { CodeRow(codeID: $0.element.id, label: $0.element.label, counts: counts[$0.offset]) }
    return AgreementReport(
      sideA: sideA, sideB: sideB, compared: ids, rows: rows, micro: counts.reduce(ConfusionCounts(), +),
      answersCodedA: codedA, answersCodedB: codedB, identicalSets: identical, disagreements: disagreements)
  }
}
