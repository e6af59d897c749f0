/// Written standard of an answer or codebook; chooses the ICU locale (`nb` or `nn`).
public enum Language: String, Sendable, Hashable, CaseIterable {
  case bokmal = "nb"
  case nynorsk = "nn"
}

/// Splits answers into word tokens and sentences with ICU (see the module overview for the
/// token policy).
///
/// A tokenizer owns two ICU break iterators and a scratch buffer and reuses them for every
/// answer (`ubrk_setText`), so it is cheap per call but **not thread-safe**: give each thread its
/// own. Creating one costs a few microseconds.
public final class Tokenizer {
  public let language: Language
  private let words: BreakIterator
  private let sentences: BreakIterator
  private var buffer: [UInt16] = []
  private var segments: [(start: Int, end: Int, status: Int32)] = []
  private var sentenceEnds: [Int] = []

  public init(language: Language = .bokmal) throws(ICUError) {
    self.language = language
    words = try BreakIterator(.word, locale: language.rawValue)
    sentences = try BreakIterator(.sentence, locale: language.rawValue)
  }

  /// Tokenises `text` into words/numbers and sentences.
  public func tokenize(_ text: String) -> TokenizedText {
    buffer.removeAll(keepingCapacity: true)
    buffer.append(contentsOf: text.utf16)
    let count = buffer.count
    if count == 0 { return TokenizedText(text: text, tokens: [], sentences: []) }
    return buffer.withUnsafeBufferPointer { units in
      // Setting text on a valid buffer cannot fail; on the impossible failure we degrade to a
      // single sentence / no tokens rather than crash.
      let sentenceEnds = sentenceBoundaries(units)
      let tokens = wordTokens(units, sentenceEnds: sentenceEnds)
      let sentenceList = makeSentences(units, sentenceEnds: sentenceEnds, tokens: tokens)
      return TokenizedText(text: text, tokens: tokens, sentences: sentenceList)
    }
  }

  /// Only the normalised forms, for callers that need nothing else (vocabulary building,
  /// benchmarks).
  public func normalizedTokens(_ text: String) -> [String] {
    tokenize(text).tokens.map(\.normalized)
  }

  private func sentenceBoundaries(_ units: UnsafeBufferPointer<UInt16>) -> [Int] {
    sentenceEnds.removeAll(keepingCapacity: true)
    if (try? sentences.setText(units)) != nil {
      while let b = sentences.next() { sentenceEnds.append(b) }
    }
    if sentenceEnds.last != units.count { sentenceEnds.append(units.count) }
    return sentenceEnds
  }

  private func wordTokens(_ units: UnsafeBufferPointer<UInt16>, sentenceEnds: [Int]) -> [Token] {
    segments.removeAll(keepingCapacity: true)
    guard (try? words.setText(units)) != nil else { return [] }
    var start = 0
    while let end = words.next() {
      segments.append((start, end, words.ruleStatus))
      start = end
    }
    var tokens: [Token] = []
    tokens.reserveCapacity(segments.count / 2 + 1)
    var sentence = 0
    var i = 0
    let n = segments.count
    while i < n {
      let seg = segments[i]
      guard seg.status >= 100 else {
        i += 1
        continue
      }
      var kind: TokenKind = seg.status < 200 ? .number : .word
      var tokenEnd = seg.end
      // Join hyphenated compounds: word '-' word (no spaces), repeatedly.
      while i + 2 < n, segments[i + 1].end - segments[i + 1].start == 1,
        isHyphen(units[segments[i + 1].start]), segments[i + 2].status >= 100
      {
        tokenEnd = segments[i + 2].end
        if segments[i + 2].status >= 200 { kind = .word }
        i += 2
      }
      let normalizedEnd = tokenEnd
      // Elision: "rus- og": the hyphen belongs to the token, the normalised form drops it.
      if tokenEnd < units.count, isHyphen(units[tokenEnd]),
        tokenEnd + 1 == units.count || isElisionFollower(units[tokenEnd + 1])
      {
        tokenEnd += 1
        if i + 1 < n, segments[i + 1].start == normalizedEnd, segments[i + 1].end == tokenEnd {
          i += 1
        }
      }
      while sentence < sentenceEnds.count - 1, seg.start >= sentenceEnds[sentence] { sentence += 1 }
      let surfaceUnits = UnsafeBufferPointer(rebasing: units[seg.start..<tokenEnd])
      let normUnits = UnsafeBufferPointer(rebasing: units[seg.start..<normalizedEnd])
      tokens.append(
        Token(
          index: tokens.count,
          span: TextSpan(start: seg.start, end: tokenEnd),
          surface: makeString(surfaceUnits),
          normalized: Normalizer.normalize(normUnits),
          kind: kind,
          sentence: sentence))
      i += 1
    }
    return tokens
  }

  private func makeSentences(
    _ units: UnsafeBufferPointer<UInt16>, sentenceEnds: [Int], tokens: [Token]
  ) -> [Sentence] {
    var result: [Sentence] = []
    var start = 0
    var t = 0
    for (index, rawEnd) in sentenceEnds.enumerated() {
      var end = rawEnd
      while end > start, isSpace(units[end - 1]) { end -= 1 }
      var s = start
      while s < end, isSpace(units[s]) { s += 1 }
      let first = t
      while t < tokens.count, tokens[t].sentence == index { t += 1 }
      result.append(Sentence(index: index, span: TextSpan(start: s, end: end), tokens: first..<t))
      start = rawEnd
    }
    // Whitespace-only trailing sentences carry nothing; drop them unless they hold tokens.
    while let last = result.last, last.span.length == 0, last.tokens.isEmpty, result.count > 1 {
      result.removeLast()
    }
    if result.count == 1, result[0].span.length == 0 { return [] }
    return result
  }
}

@inline(__always) func isHyphen(_ u: UInt16) -> Bool { u == 0x2D || u == 0x2010 || u == 0x2011 }

@inline(__always) func isSpace(_ u: UInt16) -> Bool {
  u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0xA0 || u == 0x0B || u == 0x0C
    || u == 0x2028 || u == 0x2029 || u == 0x202F || u == 0x3000 || (0x2000...0x200A).contains(u)
}

/// After "rus-": a space, a comma, a slash or closing punctuation marks an elided compound.
@inline(__always) func isElisionFollower(_ u: UInt16) -> Bool {
  isSpace(u) || u == 0x2C || u == 0x2F || u == 0x29 || u == 0x3B
}

/// UTF-16 → String without the standard library's generic (slow) transcoding path: text without
/// surrogates (all Norwegian text) is written straight as UTF-8; anything else falls back.
@inline(__always) func makeString(_ units: UnsafeBufferPointer<UInt16>) -> String {
  var count = 0
  for u in units {
    if u < 0x80 {
      count += 1
    } else if u < 0x800 {
      count += 2
    } else if u >= 0xD800 && u < 0xE000 {
      return String(decoding: units, as: UTF16.self)
    } else {
      count += 3
    }
  }
  return String(unsafeUninitializedCapacity: count) { out in
    var i = 0
    for u in units {
      if u < 0x80 {
        out[i] = UInt8(u)
        i += 1
      } else if u < 0x800 {
        out[i] = UInt8(0xC0 | (u >> 6))
        out[i + 1] = UInt8(0x80 | (u & 0x3F))
        i += 2
      } else {
        out[i] = UInt8(0xE0 | (u >> 12))
        out[i + 1] = UInt8(0x80 | ((u >> 6) & 0x3F))
        out[i + 2] = UInt8(0x80 | (u & 0x3F))
        i += 3
      }
    }
    return i
  }
}
