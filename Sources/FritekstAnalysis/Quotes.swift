import FritekstCodebook
import FritekstSurvey
import FritekstText

/// A quote: an answer (or the sentences of it) that carries a code, with the spans to
/// highlight — taken from the hits, never found by searching the text again.
public struct Quote: Sendable, Hashable {
  public let codeID: String
  public let answerID: String
  public let respondentID: String
  public let band: SizeBand
  public let question: String
  /// The quoted text (the whole answer, or the sentences around the hits).
  public let text: String
  /// Where the quoted text is in the answer (UTF-16).
  public let range: TextSpan
  /// Matched spans relative to ``text`` (UTF-16), for highlighting.
  public let highlights: [TextSpan]
  /// Rule ids of the hits shown.
  public let rules: [String]
}

/// What to quote.
public enum QuoteUnit: String, Sendable, CaseIterable {
  case answer, sentence
}

/// How many quotes per code, and how to choose.
public enum QuoteSelection: Sendable, Hashable {
  /// Every answer that carries the code.
  case all
  /// At most N per code: spread over size bands (round robin in band order), in each band the
  /// shortest quote first, ties broken by answer id; with a seed, a seeded random choice within
  /// each band instead of shortest-first.
  case top(Int, seed: UInt64?)
}

/// Collects quote candidates while a survey is coded and selects them deterministically.
///
/// With `.top(N)` it keeps at most N candidates per code and band (bounded memory); with `.all`
/// it keeps every candidate.
public struct QuoteCollector: Sendable {
  public let unit: QuoteUnit
  public let selection: QuoteSelection
  private var byCode: [String: [SizeBand: [Candidate]]] = [:]
  private var sequence = 0

  struct Candidate: Sendable {
    let quote: Quote
    let order: Int  // input order
    let key: UInt64  // random key when seeded
  }

  public init(unit: QuoteUnit, selection: QuoteSelection) {
    self.unit = unit
    self.selection = selection
  }

  /// Offers every hit-carrying answer of a coded record.
  public mutating func add(_ record: CodedRecord) {
    for answer in record.answers where answer.status == .coded {
      sequence += 1
      for code in answer.codes {
        let hits = answer.hits.filter { $0.hit.codeID == code }
        let quote = Self.makeQuote(answer, code: code, hits: hits, unit: unit)
        var key: UInt64 = 0
        if case .top(_, let seed?) = selection {
          key = SplitMix64.hash(seed: seed, string: "\(code)|\(answer.answerID)")
        }
        insert(Candidate(quote: quote, order: sequence, key: key))
      }
    }
  }

  private mutating func insert(_ c: Candidate) {
    var bands = byCode[c.quote.codeID] ?? [:]
    var list = bands[c.quote.band] ?? []
    list.append(c)
    if case .top(let n, let seed) = selection, list.count > n {
      list.sort { Self.better($0, $1, seeded: seed != nil) }
      list.removeLast(list.count - n)
    }
    bands[c.quote.band] = list
    byCode[c.quote.codeID] = bands
  }

  static func better(_ a: Candidate, _ b: Candidate, seeded: Bool) -> Bool {
    if seeded { return a.key != b.key ? a.key < b.key : a.order < b.order }
    let la = a.quote.text.count, lb = b.quote.text.count
    if la != lb { return la < lb }
    return a.quote.answerID < b.quote.answerID
  }

  /// The selected quotes of a code, in presentation order.
  public func quotes(for code: String, bands order: [SizeBand]) -> [Quote] {
    guard let bands = byCode[code] else { return [] }
    switch selection {
    case .all:
      return order.flatMap { (bands[$0] ?? []).sorted { $0.order < $1.order }.map(\.quote) }
    case .top(let n, let seed):
      var queues = order.map { (bands[$0] ?? []).sorted { Self.better($0, $1, seeded: seed != nil) } }
      var result: [Quote] = []
      var progressed = true
      while result.count < n && progressed {
        progressed = false
        for i in queues.indices where !queues[i].isEmpty && result.count < n {
          result.append(queues[i].removeFirst().quote)
          progressed = true
        }
      }
      return result
    }
  }

  /// Number of answers carrying the code that were offered (before selection, `.all` only
  /// keeps them all).
  public func candidateCount(for code: String) -> Int { byCode[code]?.values.reduce(0) { $0 + $1.count } ?? 0 }

  static func makeQuote(_ answer: CodedAnswer, code: String, hits: [AnswerHit], unit: QuoteUnit) -> Quote {
    let units = Array(answer.text.utf16)
    var range = TextSpan(start: 0, end: units.count)
    if unit == .sentence, let first = hits.first {
      range = hits.dropFirst().reduce(first.sentence) { $0.union($1.sentence) }
    }
    let highlights = hits.flatMap(\.hit.mergedSpans).filter { range.contains($0) }
      .map { TextSpan(start: $0.start - range.start, end: $0.end - range.start) }
    var seenRules = Set<String>()
    let rules = hits.map(\.hit.ruleID).filter { seenRules.insert($0).inserted }
    return Quote(
      codeID: code, answerID: answer.answerID, respondentID: answer.respondent.id, band: answer.respondent.band,
      question: answer.question, text: String(decoding: units[range.start..<range.end], as: UTF16.self),
      range: range, highlights: highlights, rules: rules)
  }
}

/// SplitMix64: a tiny, portable, seeded generator (same numbers on every platform), used for
/// `--seed` quote selection.
enum SplitMix64 {
  static func next(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A stable pseudo-random key for a string under a seed (FNV-1a, then SplitMix64).
  static func hash(seed: UInt64, string: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in string.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    var state = h ^ seed
    return next(&state)
  }
}
