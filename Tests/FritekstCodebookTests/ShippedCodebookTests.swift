import Foundation
import FritekstCodebook
import FritekstTestSupport
import FritekstText
import Testing

/// The shipped codebooks: their examples pass, and the codes they assign to the published
/// answers of their own questions are pinned in golden files, so a rule change that alters
/// results shows up in review.
@Suite("Shipped codebooks")
struct ShippedCodebookTests {
  static let books: [(file: String, topics: Set<String>)] = [
    ("rekruttering", ["recruitment_needs", "competence_needs_2012", "recruitment_other_actions"]),
    ("tud", ["tud_legislation_interpretation"]),
    ("recovery", ["recovery_why", "recovery_why_not"]),
  ]

  static func compiled(_ name: String) throws -> CompiledCodebook {
    let result = CodebookLoader.load(path: packageRoot().appendingPathComponent("Codebooks/\(name).yaml").path)
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
    return CompiledCodebook(try #require(result.codebook))
  }

  @Test(arguments: books.map(\.file))
  func examplesPassAndNoWarnings(_ name: String) throws {
    let result = CodebookLoader.load(path: packageRoot().appendingPathComponent("Codebooks/\(name).yaml").path)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    let failures = ExampleRunner.run(try Self.compiled(name), tokenizer: try Tokenizer())
    #expect(failures.isEmpty, "\(failures)")
    let codebook = try #require(result.codebook)
    #expect(codebook.codes.reduce(0) { $0 + $1.mustMatch.count + $1.mustNotMatch.count } > 50)
  }

  @Test func everyFixedCodeIdIsPresent() throws {
    let readme = try String(contentsOf: sharedRoot().appendingPathComponent("codebooks/README.md"), encoding: .utf8)
    var current = ""
    var required: [String: [String]] = [:]
    for line in readme.split(separator: "\n") {
      if line.hasPrefix("## "), let name = line.split(separator: " ").dropFirst().first { current = String(name).replacingOccurrences(of: ".yaml", with: "") }
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      if cells.count >= 3, cells[0].contains("."), !cells[0].hasPrefix("-"), cells[0] != "id" { required[current, default: []].append(cells[0]) }
    }
    #expect(required.keys.sorted() == ["recovery", "rekruttering", "tud"])
    for (name, ids) in required {
      let codes = Set(try Self.compiled(name).codebook.codes.map(\.id))
      for id in ids { #expect(codes.contains(id), "\(name) lacks \(id)") }
    }
  }

  @Test(arguments: books.map(\.file))
  func codesOnPublishedAnswersArePinned(_ name: String) throws {
    let topics = Self.books.first { $0.file == name }!.topics
    let session = try Self.compiled(name).makeSession()
    let tokenizer = try Tokenizer()
    let lines = try String(contentsOf: packageRoot().appendingPathComponent("Corpora/is248-published-answers.jsonl"), encoding: .utf8).split(separator: "\n")
    var out = "# id\tcodes\tmatched words (rule)\n"
    for line in lines {
      let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      guard topics.contains(obj["topic"] as! String) else { continue }
      let text = obj["text"] as! String
      let hits = session.match(tokenizer.tokenize(text))
      var seen = Set<String>()
      let codes = hits.map(\.codeID).filter { seen.insert($0).inserted }
      let words = hits.map { "\($0.codeID): \($0.matchedText(in: text)) (\($0.ruleID))" }
      out += "\(obj["id"] as! String)\t\(codes.joined(separator: "|"))\t\(words.joined(separator: "; "))\n"
    }
    assertGolden(out, named: "published-\(name).tsv", folder: "FritekstCodebookTests")
  }
}

/// The example codebook in Codebooks/README.md is valid and passes its own examples.
@Test func readmeExampleCodebookIsValid() throws {
  let readme = try String(contentsOf: packageRoot().appendingPathComponent("Codebooks/README.md"), encoding: .utf8)
  let start = try #require(readme.range(of: "```yaml\n")).upperBound
  let end = try #require(readme[start...].range(of: "```")).lowerBound
  let result = CodebookLoader.parse(yaml: String(readme[start..<end]), path: "Codebooks/README.md example")
  #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
  let failures = ExampleRunner.run(CompiledCodebook(try #require(result.codebook)), tokenizer: try Tokenizer())
  #expect(failures.isEmpty, "\(failures)")
}
