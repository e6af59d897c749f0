import FritekstCodebook
import FritekstText
import Testing

/// Random recombinations of codebook fragments never crash the loader, the compiler or the
/// matcher: they load with located diagnostics, or compile and match.
@Test func randomCodebookFragmentsNeverCrash() throws {
  let fragments = [
    "id: x\n", "title: T\n", "version: \"1\"\n", "codes:\n", "  - id: a\n", "    label: A\n", "    parent: b\n",
    "    rules:\n", "      - psykolog*\n", "      - \"*\"\n", "      - match: [mangel på ... bolig*, (a|b)]\n",
    "      - near: [a, b]\n        within: 2\n", "      - all: [[x], [y]]\n", "      - match: \"(\"\n",
    "      - match: \"...\"\n", "    examples:\n      match: [a]\n", "options:\n  negation: {window: -1}\n",
    "variants:\n  - [a]\n", "  - id: a\n", "\t", ": :\n", "- [\n", "&x a\n", "*x\n", "    rules: psykolog\n",
    "      - match: ikke * psykolog\n        negation: {add: [ikke behov], after: 2}\n",
  ]
  var state: UInt64 = 7
  func next() -> Int {
    state = state &* 6364136223846793005 &+ 1442695040888963407
    return Int(state >> 33)
  }
  let tokenizer = try Tokenizer()
  var compiled = 0
  for round in 0..<300 {
    var yaml = ""
    if round % 2 == 0 {
      // A valid skeleton with random rule lines: exercises compiling and matching.
      let ruleLines = fragments.filter { $0.hasPrefix("      - ") }
      yaml = "id: x\ncodes:\n  - id: a\n    label: A\n    rules:\n"
      for _ in 0..<(next() % 4 + 1) { yaml += ruleLines[next() % ruleLines.count] }
    } else {
      for _ in 0..<(next() % 14 + 1) { yaml += fragments[next() % fragments.count] }
    }
    let result = CodebookLoader.parse(yaml: yaml, path: "r\(round).yaml")
    for d in result.diagnostics where d.severity == .error {
      #expect(d.location?.file == "r\(round).yaml", "round \(round): \(d)")
    }
    if let cb = result.codebook, !result.diagnostics.hasErrors {
      let session = CompiledCodebook(cb).makeSession()
      _ = session.explain(tokenizer.tokenize("Vi har ikke psykolog, men mangel på gode boliger. a b x y"))
      compiled += 1
    }
  }
  #expect(compiled > 0)
}
