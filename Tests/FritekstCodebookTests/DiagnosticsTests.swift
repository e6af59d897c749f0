import FritekstCodebook
import FritekstTestSupport
import FritekstText
import Testing

@Suite("Codebook diagnostics")
struct DiagnosticsTests {
  let fixtures = "Tests/FritekstCodebookTests/Fixtures"

  @Test func brokenCodebookReportsEveryProblemWithPosition() throws {
    let result = CodebookLoader.load(path: "\(fixtures)/broken.yaml".relativeToRoot)
    let text = result.diagnostics.map { $0.description.replacingRoot }.joined(separator: "\n") + "\n"
    assertGolden(text, named: "broken.txt", folder: "FritekstCodebookTests")
    #expect(result.diagnostics.hasErrors)
  }

  @Test func failingExamplesSayWhichRuleFiredOrWhyNone() throws {
    let result = CodebookLoader.load(path: "\(fixtures)/examples-fail.yaml".relativeToRoot)
    #expect(!result.diagnostics.hasErrors)
    let findings = ExampleRunner.run(CompiledCodebook(result.codebook!), tokenizer: try Tokenizer())
    let text = findings.map { $0.description.replacingRoot }.joined(separator: "\n") + "\n"
    assertGolden(text, named: "examples-fail.txt", folder: "FritekstCodebookTests")
    #expect(findings.count == 3)
  }

  @Test func yamlSyntaxErrorHasLineAndColumn() {
    let result = CodebookLoader.parse(yaml: "id: x\ncodes:\n  - id: [unclosed\n", path: "bad.yaml")
    #expect(result.codebook == nil)
    #expect(result.diagnostics.count == 1)
    #expect(result.diagnostics[0].description.hasPrefix("bad.yaml:4:1: error: YAML syntax error"))
  }

  @Test func unquotedLeadingGlobGetsAHint() {
    let result = CodebookLoader.parse(yaml: "id: t\ncodes:\n  - id: a\n    label: A\n    rules:\n      - *sykepleier\n", path: "g.yaml")
    #expect(result.diagnostics.map(\.description) == [
      "g.yaml:6:9: error: YAML syntax error: found undefined alias\n    a word that starts with '*' must be quoted in YAML: write '*sykepleier' or \"*sykepleier*\""
    ])
  }

  @Test func unreadableFileIsFlagged() {
    let result = CodebookLoader.load(path: "/nonexistent/codebook.yaml")
    #expect(result.unreadable)
    #expect(result.diagnostics.first?.description == "/nonexistent/codebook.yaml:1:1: error: cannot read file")
  }

  @Test func listProblemsAreLocated() {
    let result = CodebookLoader.parse(yaml: """
      id: l
      title: L
      version: "1"
      lists:
        need: [mangler, behov]
        unused: [x]
        nested: [$need]
        gappy: ["mangel ...2 på", (lite|ingen)]
      codes:
        - id: a
          label: A
          rules:
            - all: [[psykolog*], [$ned]]
            - match: psykolog $gappy
            - match: psykolog ...2 $nedd
      """, path: "l.yaml")
    #expect(result.diagnostics.map(\.description) == [
      "l.yaml:5:3: warning: list 'need' is never used (write '$need' in a list of words)",
      "l.yaml:6:3: warning: list 'unused' is never used (write '$unused' in a list of words)",
      "l.yaml:7:12: error: list 'nested' refers to '$need'; lists cannot contain other lists",
      "l.yaml:10:9: warning: code 'a' has no rules and no child codes, so it can never be assigned",
      "l.yaml:13:29: error: unknown list '$ned'; did you mean '$need'?",
      "l.yaml:14:16: error: list '$gappy' cannot stand inside the phrase 'psykolog $gappy': its entry 'mangel ...2 på' has alternatives or a gap of its own",
      "l.yaml:15:16: error: unknown list '$nedd'; did you mean '$need'?",
    ])
  }

  @Test func severalWordAlternativesAreBoundedAndLocated() {
    let result = CodebookLoader.parse(yaml: """
      id: e
      title: E
      version: "1"
      codes:
        - id: a
          label: A
          rules:
            - (a b|c) (d e|f) (g h|i) (j k|l) (m n|o) (p q|r) (s t|u)
            - (for lite|) søkere
            - x(for lite|ingen) søkere
            - (for (lite|få)|ingen) søkere
      """, path: "e.yaml")
    #expect(result.diagnostics.map(\.description) == [
      "e.yaml:5:9: warning: code 'a' has no rules and no child codes, so it can never be assigned",
      "e.yaml:8:9: error: the alternatives stand for more than 64 phrases; split the term in '(a b|c) (d e|f) (g h|i) (j k|l) (m n|o) (p q|r) (s t|u)'",
      "e.yaml:9:9: error: empty alternative in '(for lite|)' in '(for lite|) søkere'",
      "e.yaml:10:9: error: 'x(for lite|ingen)' in 'x(for lite|ingen) søkere': alternatives are written as (a|b) around a whole word",
      "e.yaml:11:9: error: alternatives cannot be nested in '(for (lite|få)|ingen) søkere'",
    ])
  }

  @Test func scopeIsCheckedForAllAndNearAndWarnedOnMatch() {
    let result = CodebookLoader.parse(yaml: """
      id: s
      title: S
      version: "1"
      codes:
        - id: a
          label: A
          rules:
            - near: [rus*, kurs]
              within: 3
              scope: setning
            - match: psykolog*
              scope: sentence
      """, path: "s.yaml")
    #expect(result.diagnostics.map(\.description) == [
      "s.yaml:10:16: error: scope must be 'answer' or 'sentence'",
      "s.yaml:12:9: warning: 'scope' only applies to all: and near: rules",
    ])
  }

  @Test func duplicateRuleAcrossCodesIsAWarning() {
    let result = CodebookLoader.parse(yaml: """
      id: d
      title: D
      version: "1"
      codes:
        - id: a
          label: A
          rules: [lege*]
        - id: b
          label: B
          rules: [lege*]
      """, path: "d.yaml")
    #expect(!result.diagnostics.hasErrors)
    #expect(result.diagnostics.map(\.description) == ["d.yaml:10:13: warning: rule 'b#1' duplicates rule 'a#1' of code 'a'"])
  }
}

extension String {
  var relativeToRoot: String { packageRoot().appendingPathComponent(self).path }
  var replacingRoot: String { replacingOccurrences(of: packageRoot().path + "/", with: "") }
}
