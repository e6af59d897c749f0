import FritekstCodebook
import FritekstTestSupport
import FritekstText
import Testing

@Suite("Matching policy")
struct PolicyTests {
  let yaml = """
    id: policy
    title: Policy
    version: "1"
    codes:
      - id: bolig
        label: Bolig
        rules:
          - id: kort
            match: bolig*
          - id: lang
            match: mangel på ... bolig*
      - id: mangel
        label: Mangel
        rules:
          - id: mangel
            match: mangel*
      - id: tvang
        label: Tvang
        rules:
          - id: tvang
            match: tvang*
    """

  func hits(_ text: String) throws -> [CodeHit] {
    let result = CodebookLoader.parse(yaml: yaml, path: "policy.yaml")
    #expect(!result.diagnostics.hasErrors)
    return CompiledCodebook(result.codebook!).makeSession().match(try Tokenizer().tokenize(text))
  }

  @Test func longestMatchWinsWithinACodeAndATokenCountsOnce() throws {
    let h = try hits("Mangel på egnede boliger")
    let bolig = h.filter { $0.codeID == "bolig" }
    #expect(bolig.count == 1)
    #expect(bolig[0].ruleID == "lang")
    #expect(bolig[0].tokens == [0, 1, 3])
  }

  @Test func codesFireIndependentlyOnTheSameToken() throws {
    let h = try hits("Mangel på egnede boliger")
    #expect(h.map(\.codeID) == ["bolig", "mangel"])
    #expect(h[1].tokens == [0])  // "Mangel" carries both codes
  }

  @Test func repeatedMentionsAreSeparateHitsOfOneCode() throws {
    let h = try hits("Boliger og bolig. Tvang og tvangsmidler.")
    #expect(h.filter { $0.codeID == "bolig" }.map(\.tokens) == [[0], [2]])
    #expect(h.filter { $0.codeID == "tvang" }.count == 2)
  }

  @Test func hitsCarryUTF16SpansIntoTheOriginal() throws {
    let text = "🙂 Mangel på boliger"
    let h = try hits(text).first { $0.codeID == "bolig" }!
    #expect(h.spans.map { String($0.substring(of: text)) } == ["Mangel", "på", "boliger"])
    #expect(h.mergedSpans == [TextSpan(start: 3, end: 20)])
    #expect(h.matchedText(in: text) == "Mangel på boliger")
  }

  @Test func explainNamesTheReason() throws {
    let result = CodebookLoader.parse(yaml: """
      id: e
      title: E
      version: "1"
      codes:
        - id: psykolog
          label: Psykolog
          rules:
            - id: p
              match: psykolog*
              exclude: [psykologisk førstehjelp]
            - id: n
              near: [psykolog*, mangler]
              within: 1
      """, path: "e.yaml")
    let session = CompiledCodebook(result.codebook!).makeSession()
    let text = try Tokenizer().tokenize("Vi har ikke psykolog. Psykologisk førstehjelp. Psykolog har vi lenge manglet, og mangler")
    let (hits, decisions) = session.explain(text)
    #expect(hits.map(\.ruleID) == ["p"])
    #expect(decisions.contains { $0.verdict == .negated && $0.detail.contains("negated by 'ikke' at token 2") })
    #expect(decisions.contains { $0.verdict == .excluded && $0.detail.contains("psykologisk førstehjelp") })
    #expect(decisions.contains { $0.verdict == .outsideWindow })
  }

  @Test func compiledCodebookIsSharedAcrossThreads() async throws {
    let result = CodebookLoader.parse(yaml: yaml, path: "policy.yaml")
    let compiled = CompiledCodebook(result.codebook!)
    let counts = try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<4 {
        group.addTask {
          let tokenizer = try Tokenizer()
          let session = compiled.makeSession()
          var n = 0
          for _ in 0..<200 { n += session.match(tokenizer.tokenize("Mangel på boliger og tvang")).count }
          return n
        }
      }
      return try await group.reduce(into: [Int]()) { $0.append($1) }
    }
    #expect(counts == [600, 600, 600, 600])
  }

  @Test func globMatchesListWhatEachGlobCaught() throws {
    let result = CodebookLoader.parse(yaml: yaml, path: "policy.yaml")
    let compiled = CompiledCodebook(result.codebook!)
    let found = compiled.globMatches(in: ["boliger": 3, "bolig": 1, "rustfri": 1, "tvangsmidler": 2])
    let bolig = found.first { $0.pattern.description == "bolig*" }!
    #expect(bolig.words.map(\.word) == ["boliger", "bolig"])
  }
}
