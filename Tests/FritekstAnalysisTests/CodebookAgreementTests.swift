import Foundation
import FritekstCodebook
import FritekstSurvey
import Testing

@testable import FritekstAnalysis

struct CodebookAgreementTests {
  static let codebook = """
      - id: psykolog
        label: Psykolog
        rules:
          - id: psykolog-ord
            match: [psykolog*]
      - id: lege
        label: Lege
        rules:
          - id: lege-ord
            match: [lege, leger]
    """

  @Test func falsePositivesCarryRuleAndWordsFalseNegativesTheNearMiss() throws {
    let recs = try records([
      ("r1", "Vi mangler psykolog"),
      ("r2", "Psykologdekning er god"),
      ("r3", "Vi har ikke lege"),
      ("r4", "Trenger fastlege"),
      ("r5", "Ikke med i manuell fil"),
    ])
    let cb = compiled(Self.codebook)
    let coded = try Coder(codebooks: [cb], threads: 1).code(recs).flatMap(\.answers)
    // Ids: answer id, respondent id with spaces around, one unknown id; r5 not in the file.
    let manual = try ManualCoding.parse(
      "id;codes\nr1/svar;psykolog\n r2 ;\nr3;lege\nr4;lege\nr9;psykolog\n", path: "m.csv", knownCodes: ["psykolog", "lege"])
    let r = try CodebookAgreement.evaluate(answers: coded, singleQuestion: true, manual: manual, compiled: cb, surveyName: "s.csv")
    #expect(r.compared == ["r1/svar", "r2", "r3", "r4"])
    #expect(r.onlyInB == ["r9"])
    #expect(r.notes.contains { $0.hasPrefix("1 answer of s.csv is not in m.csv") })
    #expect(r.rows.map(\.codeID) == ["psykolog", "lege"])
    #expect(r.rows[0].counts == ConfusionCounts(tp: 1, fp: 1, fn: 0, tn: 2))
    #expect(r.rows[1].counts == ConfusionCounts(tp: 0, fp: 0, fn: 2, tn: 2))
    let fp = try #require(r.disagreements.first { $0.kind == .falsePositive })
    #expect(fp.id == "r2" && fp.rules == ["psykolog-ord"])
    #expect(fp.highlights == [TextSpanValue(start: 0, end: 15)])  // "Psykologdekning"
    let negated = try #require(r.disagreements.first { $0.id == "r3" })
    #expect(negated.kind == .falseNegative && negated.nearMiss?.verdict == "negated" && negated.nearMiss?.ruleID == "lege-ord")
    let none = try #require(r.disagreements.first { $0.id == "r4" })
    #expect(none.kind == .falseNegative && none.nearMiss == nil && none.text == "Trenger fastlege")
  }

  @Test func respondentIDsOnlyWithOneQuestion() throws {
    let recs = try records([("r1", "psykolog")])
    let cb = compiled(Self.codebook)
    let coded = try Coder(codebooks: [cb], threads: 1).code(recs).flatMap(\.answers)
    let manual = try ManualCoding.parse("id;codes\nr1;psykolog\n", path: "m.csv", knownCodes: nil)
    let r = try CodebookAgreement.evaluate(answers: coded, singleQuestion: false, manual: manual, compiled: cb)
    #expect(r.compared.isEmpty && r.onlyInB == ["r1"])
    #expect(r.rows[0].counts.kappa == nil && r.rows[0].counts.precision == nil)
  }
}

struct CodebookDiffTests {
  @Test func ruleChangeAddsAndRemovesHitsAndCells() throws {
    let old = compiled("""
        - id: psykolog
          label: Psykolog
          rules:
            - id: p-old
              match: [psykolog]
        - id: lege
          label: Lege
          rules:
            - id: l
              match: [lege]
      """)
    // New version: psykolog* (adds "psykologer"), and "lege" only with "mangler" nearby (drops r3).
    let new = compiled("""
        - id: psykolog
          label: Psykolog
          rules:
            - id: p-new
              match: [psykolog*]
        - id: lege
          label: Lege
          rules:
            - id: l-near
              near:
                - [lege]
                - [mangler]
              within: 2
      """)
    let recs = try records([("r1", "Vi mangler psykolog og lege"), ("r2", "Mangler psykologer"), ("r3", "Samarbeid med lege"), ("r4", "Annet")])
    let bands = SizeBands.standard.all + [SizeBands.standard.everyone]
    let d = CodebookDiff.compare(
      old: try Coder(codebooks: [old], threads: 1).code(recs), new: try Coder(codebooks: [new], threads: 1).code(recs),
      oldCodebook: old.codebook, newCodebook: new.codebook, bands: bands)
    #expect(d.answers == 4 && d.answersChanged == 2)
    #expect(d.changes.map { "\($0.kind.rawValue) \($0.codeID) \($0.answerID) \($0.rules) \($0.matched)" } == [
      "gained psykolog r2/svar [\"p-new\"] [\"psykologer\"]",
      "lost lege r3/svar [\"l\"] [\"lege\"]",
    ])
    // Cells: psykolog 1/4 → 2/4, lege 2/4 → 1/4, uncoded unchanged (r3 lost its only code, r2 gained one).
    let cells = d.cells.filter { $0.band == "alle" }.map { "\($0.row) \($0.old.count)/\($0.old.base) → \($0.new.count)/\($0.new.base)" }
    #expect(cells == ["psykolog 1/4 → 2/4", "lege 2/4 → 1/4"])
    #expect(!d.cells.contains { $0.band == "total" })  // one band only: no total row
  }
}

struct UncodedTermsTests {
  @Test func countsScoresStopWordsAndContexts() throws {
    let cb = compiled("""
        - id: psykolog
          label: Psykolog
          rules:
            - id: p
              match: [psykolog]
      """)
    let recs = try records([
      ("r1", "Mangel på boliger i kommunen"),
      ("r2", "Stor mangel på boliger"),
      ("r3", "Vi mangler psykolog og boliger"),
      ("r4", "-"),
    ])
    var terms = try UncodedTerms(stopWords: ["på", "i", "og", "vi"])
    for a in try Coder(codebooks: [cb], threads: 1).code(recs).flatMap(\.answers) { terms.add(a) }
    #expect(terms.uncodedCount == 2 && terms.codedCount == 1)
    let c = terms.candidates()
    let byTerm = Dictionary(uniqueKeysWithValues: c.map { ($0.term, $0) })
    // "mangel på boliger" is kept (stop word inside), "på boliger" is not (starts with one).
    #expect(byTerm["mangel på boliger"]?.uncoded == 2)
    #expect(byTerm["på boliger"] == nil && byTerm["på"] == nil)
    // boliger: u = 2 of U = 2, c = 1 of C = 1 → log2((2.5/3)/(1.5/2)) = log2(10/9), kept (> 0).
    let boliger = try #require(byTerm["boliger"])
    #expect(boliger.coded == 1 && abs(boliger.score - log2(10.0 / 9)) < 1e-12)
    // mangel: u = 2, c = 0 → log2((2.5/3)/(0.5/2)) = log2(10/3); ranks above boliger.
    #expect(abs(byTerm["mangel"]!.score - log2(10.0 / 3)) < 1e-12)
    #expect(c.firstIndex { $0.term == "mangel" }! < c.firstIndex { $0.term == "boliger" }!)
    #expect(byTerm["mangel"]!.examples.map { "\($0.left)[\($0.match)]\($0.right)" } == ["[Mangel] på boliger i kommunen", "Stor [mangel] på boliger"])
    // Non-answers count on neither side.
    #expect(!c.contains { $0.term == "-" })
  }

  @Test func bundledStopWordsHaveBothStandards() {
    let s = StopWords.norwegian()
    #expect(s.contains("ikke") && s.contains("ikkje") && s.contains("og") && !s.contains("#"))
    #expect(s.count > 150)
  }
}
