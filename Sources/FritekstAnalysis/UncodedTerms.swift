import Foundation
import FritekstSurvey
import FritekstText

/// Bokmål and Nynorsk stop words (Snowball lists; see `Resources/PROVENANCE.md`).
public enum StopWords {
  /// Both lists, normalised like tokens (NFC, lower case). Empty when the resource is missing.
  public static func norwegian() -> Set<String> {
    var words = Set<String>()
    for name in ["stopwords-nb", "stopwords-nn"] {
      guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources")
        ?? Bundle.module.url(forResource: name, withExtension: "txt"),
        let text = try? String(contentsOf: url, encoding: .utf8)
      else { continue }
      words.formUnion(parse(text))
    }
    return words
  }

  /// One word a line; lines starting with `#` and blank lines are skipped.
  public static func parse(_ text: String) -> Set<String> {
    Set(
      text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && !$0.hasPrefix("#") }.map { $0.precomposedStringWithCanonicalMapping.lowercased() })
  }
}

/// A word or phrase that is frequent in uncoded answers and rare in coded ones.
public struct TermCandidate: Sendable, Hashable {
  /// Normalised tokens joined by a space.
  public let term: String
  /// Words in the term (1–3).
  public let length: Int
  /// Uncoded / coded answers containing the term (each answer counts once).
  public let uncoded: Int
  public let coded: Int
  /// log2 of the smoothed ratio of document frequencies, see ``UncodedTerms``.
  public let score: Double
  public let examples: [KeywordInContext]
}

/// One occurrence with its context, for a KWIC line.
public struct KeywordInContext: Sendable, Hashable {
  public let answerID: String
  public let left: String
  public let match: String
  public let right: String
}

/// An uncoded answer, for the list.
public struct UncodedAnswer: Sendable, Hashable {
  public let answerID: String
  public let question: String
  public let band: String
  public let text: String
}

/// Finds candidate terms for new rules: words and two- and three-word phrases that occur in
/// uncoded answers more than in coded ones.
///
/// - Tokens are the ICU tokenizer's normalised forms (NFC + case fold); numbers are left out and
///   break phrases. A phrase is a run of 2–3 consecutive tokens of one sentence.
/// - Stop words (Bokmål ∪ Nynorsk): a single word is dropped when it is a stop word; a phrase is
///   kept only if its first and last words are not stop words ("mangel på psykolog" is kept,
///   "på psykolog" is not).
/// - Counts are document frequencies: u = uncoded answers containing the term, c = coded answers.
/// - score = log2( ((u + α)/(U + 2α)) / ((c + α)/(C + 2α)) ) with α = 0.5 (additive smoothing,
///   so c = 0 gives a finite score), U and C the numbers of uncoded and coded answers. Kept: u ≥
///   `minCount` and score > 0. Order: score, then u (both descending), then the term.
/// Non-answers are not counted on either side.
public struct UncodedTerms {
  public struct Options: Sendable {
    public var minCount = 2
    public var limit = 40
    public var examples = 2
    public var maxLength = 3
    public var smoothing = 0.5
    public var context = 30
    public init() {}
  }

  public let options: Options
  public let stopWords: Set<String>
  private let tokenizer: Tokenizer
  public private(set) var uncodedAnswers: [UncodedAnswer] = []
  public private(set) var codedCount = 0
  public var uncodedCount: Int { uncodedAnswers.count }
  private var counts: [String: (u: Int, c: Int)] = [:]
  private var examples: [String: [KeywordInContext]] = [:]

  public init(stopWords: Set<String> = StopWords.norwegian(), options: Options = Options()) throws(ICUError) {
    self.stopWords = stopWords
    self.options = options
    tokenizer = try Tokenizer()
  }

  public mutating func add(_ answer: CodedAnswer) {
    guard answer.status != .nonAnswer else { return }
    let uncoded = answer.status == .uncoded
    if uncoded {
      uncodedAnswers.append(UncodedAnswer(answerID: answer.answerID, question: answer.question, band: answer.respondent.band.label, text: answer.text))
    } else {
      codedCount += 1
    }
    let t = tokenizer.tokenize(answer.text)
    var seen: [String: TextSpan] = [:]
    let tokens = t.tokens
    for i in tokens.indices where tokens[i].kind == .word {
      for n in 1...options.maxLength {
        let j = i + n - 1
        guard j < tokens.count else { break }
        let run = tokens[i...j]
        if run.contains(where: { $0.kind != .word || $0.sentence != tokens[i].sentence }) { break }
        if stopWords.contains(tokens[i].normalized) || stopWords.contains(tokens[j].normalized) { continue }
        let term = run.map(\.normalized).joined(separator: " ")
        if seen[term] == nil { seen[term] = tokens[i].span.union(tokens[j].span) }
      }
    }
    for (term, span) in seen {
      var c = counts[term] ?? (0, 0)
      if uncoded {
        c.u += 1
        if (examples[term]?.count ?? 0) < options.examples {
          examples[term, default: []].append(kwic(answer, span))
        }
      } else {
        c.c += 1
      }
      counts[term] = c
    }
  }

  func kwic(_ answer: CodedAnswer, _ span: TextSpan) -> KeywordInContext {
    let units = Array(answer.text.utf16)
    func clean(_ s: String) -> String { s.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ") }
    let left = String(decoding: units[..<span.start], as: UTF16.self)
    let right = String(decoding: units[span.end...], as: UTF16.self)
    let l = left.count > options.context ? "…" + left.suffix(options.context) : left
    let r = right.count > options.context ? right.prefix(options.context) + "…" : right
    return KeywordInContext(
      answerID: answer.answerID, left: clean(String(l)), match: clean(String(decoding: units[span.start..<span.end], as: UTF16.self)),
      right: clean(String(r)))
  }

  /// The score of a term seen in u uncoded and c coded answers.
  public func score(uncoded u: Int, coded c: Int) -> Double {
    let a = options.smoothing
    let pu = (Double(u) + a) / (Double(uncodedCount) + 2 * a)
    let pc = (Double(c) + a) / (Double(codedCount) + 2 * a)
    return log2(pu / pc)
  }

  /// The best candidates, at most `limit`.
  public func candidates() -> [TermCandidate] {
    var out: [TermCandidate] = []
    for (term, c) in counts where c.u >= options.minCount {
      let s = score(uncoded: c.u, coded: c.c)
      guard s > 0 else { continue }
      out.append(
        TermCandidate(
          term: term, length: term.split(separator: " ").count, uncoded: c.u, coded: c.c, score: s, examples: examples[term] ?? []))
    }
    out.sort { a, b in
      if a.score != b.score { return a.score > b.score }
      if a.uncoded != b.uncoded { return a.uncoded > b.uncoded }
      return a.term < b.term
    }
    return Array(out.prefix(options.limit))
  }
}
