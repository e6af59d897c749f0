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

  @Test func unreadableFileIsFlagged() {
    let result = CodebookLoader.load(path: "/nonexistent/codebook.yaml")
    #expect(result.unreadable)
    #expect(result.diagnostics.first?.description == "/nonexistent/codebook.yaml:1:1: error: cannot read file")
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
