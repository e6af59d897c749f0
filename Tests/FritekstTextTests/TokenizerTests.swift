import Foundation
import FritekstTestSupport
import FritekstText
import Testing

/// Normalised tokens of a text, for compact expectations.
private func norms(_ text: String, _ language: Language = .bokmal) throws -> [String] {
  try Tokenizer(language: language).tokenize(text).tokens.map(\.normalized)
}

@Suite("Tokenizer")
struct TokenizerTests {
  // Real answers from ../shared/corpora/is248-published-answers.jsonl.
  struct Case: CustomTestStringConvertible, Sendable {
    let text: String
    let expected: [String]
    let language: Language
    var testDescription: String { String(text.prefix(40)) }
  }

  static let corpusCases: [Case] = [
    // s000-L499 (Bokmål)
    Case(
      text: "Trenger bedre og mer differensiert boligtilbud",
      expected: ["trenger", "bedre", "og", "mer", "differensiert", "boligtilbud"], language: .bokmal),
    // Nynorsk: compounds with -sjukepleiar, "ikkje"
    Case(
      text: "Vi har ikkje helsesjukepleiar, og psykologkompetanse manglar.",
      expected: ["vi", "har", "ikkje", "helsesjukepleiar", "og", "psykologkompetanse", "manglar"],
      language: .nynorsk),
    Case(
      text: "Behov for styrking av FACT-team",
      expected: ["behov", "for", "styrking", "av", "fact-team"], language: .bokmal),
  ]

  @Test(arguments: corpusCases)
  func corpusSentences(_ c: Case) throws {
    #expect(try norms(c.text, c.language) == c.expected)
  }

  @Test func corpusFileSentencesTokeniseWithExactSpans() throws {
    let url = sharedRoot().appendingPathComponent("corpora/is248-published-answers.jsonl")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    #expect(lines.count > 500)
    let tokenizer = try Tokenizer()
    for line in lines {
      let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      let text = obj["text"] as! String
      let result = tokenizer.tokenize(text)
      for t in result.tokens {
        // Every span reproduces the surface exactly, and tokens are in order without overlap.
        #expect(String(t.span.substring(of: text)) == t.surface)
        if t.index > 0 { #expect(result.tokens[t.index - 1].span.end <= t.span.start) }
      }
    }
  }

  @Test func hyphenAndElisionPolicy() throws {
    let tokens = try Tokenizer().tokenize(
      "e-post, psyk. sykepleier, rus- og psykisk helsearbeid, barne- og ungdomsskole, ROP-lidelser, 50%"
    ).tokens
    #expect(tokens.map(\.surface) == [
      "e-post", "psyk", "sykepleier", "rus-", "og", "psykisk", "helsearbeid", "barne-", "og",
      "ungdomsskole", "ROP-lidelser", "50",
    ])
    #expect(tokens.map(\.normalized) == [
      "e-post", "psyk", "sykepleier", "rus", "og", "psykisk", "helsearbeid", "barne", "og",
      "ungdomsskole", "rop-lidelser", "50",
    ])
    #expect(tokens.last?.kind == .number)
    #expect(tokens[3].span == TextSpan(start: 26, end: 30))  // "rus-" includes the hyphen
  }

  @Test func spacedDashIsNotPartOfAToken() throws {
    #expect(try norms("rus - psykisk helse") == ["rus", "psykisk", "helse"])
    #expect(try norms("rus – og psykisk") == ["rus", "og", "psykisk"])
  }

  @Test func nfcAndNfdGiveIdenticalNormalisedTokens() throws {
    let nfc = "Få søkere på stillinger i Åfjord"
    let nfd = nfc.decomposedStringWithCanonicalMapping
    #expect(Array(nfc.utf16) != Array(nfd.utf16))
    let a = try Tokenizer().tokenize(nfc).tokens
    let b = try Tokenizer().tokenize(nfd).tokens
    #expect(a.map(\.normalized) == b.map(\.normalized))
    #expect(b.map(\.normalized) == ["få", "søkere", "på", "stillinger", "i", "åfjord"])
    // Spans still point into the NFD original.
    for t in b { #expect(String(t.span.substring(of: nfd)) == t.surface) }
    #expect(b[0].span == TextSpan(start: 0, end: 3))  // "F" + "a" + U+030A
  }

  @Test func caseFoldingIsFullUnicodeFolding() throws {
    #expect(Normalizer.normalize("PSYKOLOG") == "psykolog")
    #expect(Normalizer.normalize("ÆØÅ") == "æøå")
    #expect(Normalizer.normalize("Straße") == "strasse")
    #expect(Normalizer.normalize("ΣΊΣΥΦΟΣ") == "σίσυφοσ")
  }

  @Test func crlfAndTabs() throws {
    let text = "Psykolog\r\nSykepleier\tVernepleier"
    let result = try Tokenizer().tokenize(text)
    #expect(result.tokens.map(\.normalized) == ["psykolog", "sykepleier", "vernepleier"])
    #expect(result.tokens.map(\.span) == [
      TextSpan(start: 0, end: 8), TextSpan(start: 10, end: 20), TextSpan(start: 21, end: 32),
    ])
  }

  @Test func emojiAndNonBMPKeepSpansExact() throws {
    let text = "🙂 Psykolog 𝒜 mangler 👩‍⚕️ i Bø"
    let result = try Tokenizer().tokenize(text)
    for t in result.tokens { #expect(String(t.span.substring(of: text)) == t.surface) }
    #expect(result.tokens.map(\.normalized).contains("psykolog"))
    #expect(result.tokens.last?.normalized == "bø")
    #expect(result.tokens.first?.span.start == 3)  // after a 2-unit emoji and a space
  }

  @Test func emptyAndWhitespaceOnly() throws {
    let tokenizer = try Tokenizer()
    #expect(tokenizer.tokenize("").tokens.isEmpty)
    #expect(tokenizer.tokenize("").sentences.isEmpty)
    #expect(tokenizer.tokenize(" \t\r\n  ").tokens.isEmpty)
    #expect(tokenizer.tokenize(" \t\r\n  ").sentences.isEmpty)
  }

  @Test func veryLongAnswer() throws {
    let sentence = "Vi mangler psykolog og sykepleier i Nord-Fron. "
    let text = String(repeating: sentence, count: (1 << 20) / sentence.utf8.count + 1)
    #expect(text.utf8.count > 1 << 20)
    let result = try Tokenizer().tokenize(text)
    #expect(result.tokens.count == 7 * (text.utf8.count / sentence.utf8.count))
    #expect(result.sentences.count == result.tokens.count / 7)
    let last = result.tokens.last!
    #expect(String(last.span.substring(of: text)) == "Nord-Fron")
  }

  @Test func sentencesHaveSpansAndTokenRanges() throws {
    let text = "Vi har ikke psykolog. Vi mangler sykepleier!  Ellers greit"
    let result = try Tokenizer().tokenize(text)
    #expect(result.sentences.map { String($0.span.substring(of: text)) } == [
      "Vi har ikke psykolog.", "Vi mangler sykepleier!", "Ellers greit",
    ])
    #expect(result.sentences.map(\.tokens) == [0..<4, 4..<7, 7..<9])
    #expect(result.tokens.map(\.sentence) == [0, 0, 0, 0, 1, 1, 1, 2, 2])
  }

  @Test func invalidUTF8IsAnErrorWithByteOffset() throws {
    let bytes: [UInt8] = Array("Psykolog\nSyke".utf8) + [0xE6] + Array("pleier".utf8)
    #expect(throws: InvalidUTF8Error.self) { try decodeUTF8(bytes, file: "svar.txt") }
    do {
      _ = try decodeUTF8(bytes, file: "svar.txt")
    } catch {
      #expect(error.byteOffset == 13)
      #expect(error.line == 2 && error.column == 5)
      #expect(error.description.hasPrefix("svar.txt:2:5: error: invalid UTF-8 at byte offset 13"))
    }
    #expect(try decodeUTF8([0xEF, 0xBB, 0xBF] + Array("Bø".utf8), file: "x") == "Bø")
  }

  @Test(arguments: [
    ("søkere", "sokere"), ("soekere", "sokere"), ("sokere", "sokere"), ("på", "pa"), ("paa", "pa"),
    ("lærer", "laerer"), ("laerer", "laerer"), ("håp", "hap"), ("kafé", "kafe"), ("brønnøy", "bronnoy"),
    ("helsesøster", "helsesoster"), ("ønske", "onske"), ("cœur", "cour"), ("coeur", "cour"),
  ])
  func foldToASCIIGivesOneKeyPerSpelling(_ word: String, _ key: String) {
    #expect(Normalizer.foldToASCII(word) == key)
    #expect(Diacritics.fold.key(word) == key)
    #expect(Diacritics.keep.key(word) == word)
  }

  @Test func scalarRangeCountsCodePoints() throws {
    let text = "🙂 Bø psykolog"
    let token = try Tokenizer().tokenize(text).tokens[1]
    #expect(token.span == TextSpan(start: 6, end: 14))
    #expect(token.span.scalarRange(in: text) == 5..<13)
  }
}
