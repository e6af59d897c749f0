import Testing

@testable import FritekstAnalysis

/// Hand-computed fixture, ten answers "1"…"10".
///  X:        A = {1,2,3,4}, B = {1,2,5}     → TP 2, FP 2, FN 1, TN 5
///  never:    neither side                    → TN 10
///  all:      A = everything, B = {1,2,3}     → TP 3, FP 7
///  allBoth:  both sides everything           → TP 10
///  allNone:  A = everything, B = nothing     → FP 10
struct AgreementTests {
  static let ids = (1...10).map(String.init)
  static let a: [String: Set<String>] = Dictionary(uniqueKeysWithValues: ids.map { id in
    var s: Set<String> = ["all", "allBoth", "allNone"]
    if ["1", "2", "3", "4"].contains(id) { s.insert("X") }
    return (id, s)
  })
  static let b: [String: Set<String>] = Dictionary(uniqueKeysWithValues: ids.map { id in
    var s: Set<String> = ["allBoth"]
    if ["1", "2", "5"].contains(id) { s.insert("X") }
    if ["1", "2", "3"].contains(id) { s.insert("all") }
    return (id, s)
  })

  func report(_ codes: [String]) -> AgreementReport {
    AgreementReport.compare(
      ids: Self.ids, a: { Self.a[$0]! }, b: { Self.b[$0]! }, codes: codes.map { ($0, $0) }, sideA: "A", sideB: "B")
  }

  func close(_ x: Double?, _ y: Double) -> Bool { x.map { abs($0 - y) < 1e-12 } ?? false }

  @Test func ordinaryCode() {
    let c = report(["X"]).rows[0].counts
    #expect(c == ConfusionCounts(tp: 2, fp: 2, fn: 1, tn: 5))
    #expect(close(c.precision, 0.5))
    #expect(close(c.recall, 2.0 / 3))
    #expect(close(c.f1, 4.0 / 7))
    // po = 0.7, pe = (4·3 + 6·7)/100 = 0.54, kappa = 0.16/0.46 = 8/23
    #expect(close(c.kappa, 8.0 / 23))
    #expect(close(c.prevalence, 0.3))
    #expect(c.codedA == 4 && c.codedB == 3)
  }

  @Test func codeNeitherSideAssigns() {
    let c = report(["never"]).rows[0].counts
    #expect(c == ConfusionCounts(tn: 10))
    #expect(c.precision == nil && c.recall == nil && c.f1 == nil && c.kappa == nil)
    #expect(c.prevalence == 0)
  }

  @Test func oneSideAssignsToEverything() {
    let c = report(["all"]).rows[0].counts
    #expect(c == ConfusionCounts(tp: 3, fp: 7))
    #expect(close(c.precision, 0.3))
    #expect(close(c.recall, 1))
    #expect(close(c.f1, 6.0 / 13))
    #expect(c.kappa == 0)
    let none = report(["allNone"]).rows[0].counts
    #expect(none == ConfusionCounts(fp: 10))
    #expect(none.precision == 0 && none.recall == nil && none.f1 == nil)
    #expect(none.kappa == 0)
  }

  @Test func bothAssignToEverything() {
    let c = report(["allBoth"]).rows[0].counts
    #expect(c == ConfusionCounts(tp: 10))
    #expect(c.precision == 1 && c.recall == 1 && c.f1 == 1)
    #expect(c.kappa == nil)  // pe = 1
  }

  @Test func microAndMacro() {
    let r = report(["X", "never", "all"])
    #expect(r.micro == ConfusionCounts(tp: 5, fp: 9, fn: 1, tn: 15))
    #expect(close(r.micro.precision, 5.0 / 14))
    #expect(close(r.micro.recall, 5.0 / 6))
    #expect(close(r.micro.f1, 0.5))
    #expect(close(r.macroPrecision.value, 0.4) && r.macroPrecision.codes == 2)
    #expect(close(r.macroRecall.value, (2.0 / 3 + 1) / 2) && r.macroRecall.codes == 2)
    #expect(close(r.macroF1.value, (4.0 / 7 + 6.0 / 13) / 2) && r.macroF1.codes == 2)
    #expect(close(r.macroKappa.value, 4.0 / 23) && r.macroKappa.codes == 2)
    // Disagreements: X has 3, all has 7.
    #expect(r.disagreements.filter { $0.codeID == "X" }.map(\.id) == ["3", "4", "5"])
    #expect(r.disagreements.filter { $0.codeID == "X" }.map(\.kind) == [.falsePositive, .falsePositive, .falseNegative])
    #expect(r.disagreements.count == 10)
    #expect(r.answersCodedA == 10 && r.answersCodedB == 4)  // B: {1,2,5} ∪ {1,2,3}
  }

  @Test func noComparedAnswersIsUndefinedNotACrash() {
    let r = AgreementReport.compare(ids: [], a: { _ in [] }, b: { _ in [] }, codes: [("X", "X")], sideA: "A", sideB: "B")
    let c = r.rows[0].counts
    #expect(c.n == 0 && c.kappa == nil && c.prevalence == nil && c.precision == nil && c.f1 == nil)
    #expect(r.macroKappa.value == nil && r.macroKappa.codes == 0)
  }

  @Test func perfectRecallZeroPrecisionGivesZeroF1() {
    // P defined and 0, R defined and 0 → F1 = 0 (not undefined).
    let c = ConfusionCounts(tp: 0, fp: 2, fn: 3, tn: 5)
    #expect(c.precision == 0 && c.recall == 0 && c.f1 == 0)
    // po = 0.5, pe = (2·3 + 8·7)/100 = 0.62 → kappa = -0.12/0.38
    #expect(close(c.kappa, -12.0 / 38))
  }
}
