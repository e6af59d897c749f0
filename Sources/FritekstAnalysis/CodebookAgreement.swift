import FritekstCodebook
import FritekstText

/// Compares Fritekst's coding of survey answers with a manual coding, and explains each
/// disagreement (the rule and words of a false positive; the nearest near miss of a false
/// negative).
public enum CodebookAgreement {
  /// The codes evaluated: every code with rules of its own or assigned in the manual file, in
  /// tally order (parents before children). With `rollUp`, every code, and both sides' code sets
  /// are extended with the ancestors of each assigned code (so `yrke` counts any `yrke.*`).
  public static func codes(_ codebook: Codebook, manual: [ManualCoding], rollUp: Bool) -> [(id: String, label: String)] {
    let assigned = Set(manual.flatMap(\.codeOrder))
    let infos = Tally(codebooks: [codebook], bands: []).codes
    return infos.compactMap { info in
      let code = codebook.code(info.id)!
      if rollUp || !code.rules.isEmpty || assigned.contains(info.id) { return (info.id, info.label) }
      return nil
    }
  }

  /// Ancestors added (roll-up) or the set unchanged.
  public static func expand(_ set: Set<String>, in codebook: Codebook?, rollUp: Bool) -> Set<String> {
    guard rollUp, let codebook else { return set }
    return set.reduce(into: Set<String>()) { $0.formUnion(codebook.lineage(of: $1)) }
  }

  /// - Parameters:
  ///   - answers: every coded answer of the survey (non-answers included; they carry no code).
  ///   - singleQuestion: the survey has one text column, so a manual id may also be a
  ///     respondent id.
  public static func evaluate(
    answers: [CodedAnswer], singleQuestion: Bool, manual: ManualCoding, compiled: CompiledCodebook, rollUp: Bool = false,
    surveyName: String = "survey"
  ) throws(ICUError) -> AgreementReport {
    var byAnswerID: [String: Int] = [:]
    var byRespondent: [String: Int] = [:]
    for (i, a) in answers.enumerated() {
      let key = a.answerID.trimmingCharacters(in: .whitespacesAndNewlines)
      if byAnswerID[key] == nil { byAnswerID[key] = i }
      let rkey = a.respondent.id.trimmingCharacters(in: .whitespacesAndNewlines)
      if singleQuestion, byRespondent[rkey] == nil { byRespondent[rkey] = i }
    }
    var index: [String: Int] = [:]
    var missing: [String] = []
    var used = Set<Int>()
    for id in manual.ids {
      if let i = byAnswerID[id] ?? byRespondent[id] {
        index[id] = i
        used.insert(i)
      } else {
        missing.append(id)
      }
    }
    let compared = manual.ids.filter { index[$0] != nil }
    let codebook = compiled.codebook
    let codes = Self.codes(codebook, manual: [manual], rollUp: rollUp)
    var report = AgreementReport.compare(
      ids: compared,
      a: { expand(Set(answers[index[$0]!].codes), in: codebook, rollUp: rollUp) },
      b: { expand(manual.codes[$0] ?? [], in: codebook, rollUp: rollUp) },
      codes: codes, sideA: "fritekst (\(codebook.id))", sideB: manual.path, text: { answers[index[$0]!].text })

    // Explain the disagreements.
    let tokenizer = try Tokenizer()
    let session = compiled.makeSession()
    var explained: [Int: [Decision]] = [:]
    for k in report.disagreements.indices {
      let d = report.disagreements[k]
      let answer = answers[index[d.id]!]
      switch d.kind {
      case .falsePositive:
        let hits = answer.hits.filter { rollUp ? codebook.lineage(of: $0.hit.codeID).contains(d.codeID) : $0.hit.codeID == d.codeID }
        var rules: [String] = []
        for h in hits where !rules.contains(h.hit.ruleID) { rules.append(h.hit.ruleID) }
        report.disagreements[k].rules = rules
        report.disagreements[k].highlights = hits.flatMap(\.hit.mergedSpans).map { TextSpanValue(start: $0.start, end: $0.end) }
      case .falseNegative:
        let decisions: [Decision]
        if let e = explained[index[d.id]!] { decisions = e } else {
          decisions = session.explain(tokenizer.tokenize(answer.text)).decisions
          explained[index[d.id]!] = decisions
        }
        let forCode = decisions.filter { dec in
          dec.verdict != .hit && (rollUp ? codebook.lineage(of: dec.codeID).contains(d.codeID) : dec.codeID == d.codeID)
        }
        report.disagreements[k].nearMiss = nearest(forCode).map { NearMiss(ruleID: $0.ruleID, verdict: $0.verdict.rawValue, detail: $0.detail) }
      }
    }
    report.onlyInB = missing
    let outside = answers.indices.filter { !used.contains($0) && answers[$0].status != .nonAnswer }.count
    if outside > 0 {
      report.notes.append("\(outside) answer\(outside == 1 ? "" : "s") of \(surveyName) \(outside == 1 ? "is" : "are") not in \(manual.path) and \(outside == 1 ? "was" : "were") left out of the comparison")
    }
    if !missing.isEmpty {
      report.notes.append("\(missing.count) id\(missing.count == 1 ? "" : "s") of \(manual.path) \(missing.count == 1 ? "is" : "are") not in \(surveyName) (listed below)")
    }
    report.issues = manual.issues
    return report
  }

  /// The near miss that came closest: a term matched but was vetoed (negated, excluded) before
  /// a pair outside its window, before an incomplete all:/near: rule; more matched tokens first.
  static func nearest(_ decisions: [Decision]) -> Decision? {
    func rank(_ v: Verdict) -> Int {
      switch v {
      case .negated, .excluded: return 0
      case .outsideWindow: return 1
      case .overlapped: return 2
      case .incomplete: return 3
      case .hit: return 4
      }
    }
    return decisions.enumerated().min { x, y in
      let (a, b) = (x.element, y.element)
      if rank(a.verdict) != rank(b.verdict) { return rank(a.verdict) < rank(b.verdict) }
      if a.tokens.count != b.tokens.count { return a.tokens.count > b.tokens.count }
      return x.offset < y.offset
    }?.element
  }
}

extension AgreementReport {
  /// Two manual codings: A = first, B = second (the reference). Ids in one file only are
  /// reported in ``onlyInA``/``onlyInB``.
  public static func compare(
    _ a: ManualCoding, _ b: ManualCoding, codebook: Codebook?, rollUp: Bool = false, text: (String) -> String? = { _ in nil }
  ) -> AgreementReport {
    let inB = Set(b.ids), inA = Set(a.ids)
    let compared = a.ids.filter { inB.contains($0) }
    var codes: [(id: String, label: String)]
    if let codebook {
      codes = CodebookAgreement.codes(codebook, manual: [a, b], rollUp: rollUp)
    } else {
      var seen = Set<String>()
      codes = (a.codeOrder + b.codeOrder).filter { seen.insert($0).inserted }.map { ($0, $0) }
    }
    var report = compare(
      ids: compared, a: { CodebookAgreement.expand(a.codes[$0] ?? [], in: codebook, rollUp: rollUp) },
      b: { CodebookAgreement.expand(b.codes[$0] ?? [], in: codebook, rollUp: rollUp) }, codes: codes,
      sideA: a.path, sideB: b.path, text: text)
    report.onlyInA = a.ids.filter { !inB.contains($0) }
    report.onlyInB = b.ids.filter { !inA.contains($0) }
    if !report.onlyInA.isEmpty { report.notes.append("\(report.onlyInA.count) id(s) only in \(a.path) (listed below; not compared)") }
    if !report.onlyInB.isEmpty { report.notes.append("\(report.onlyInB.count) id(s) only in \(b.path) (listed below; not compared)") }
    report.issues = a.issues + b.issues
    return report
  }
}
