import Foundation
import FritekstText

/// Parses term strings (`psykolog*`, `mangel på * bolig*`, `(lege|psykiater)`) into ``Term``
/// values, normalising literals exactly as answer tokens are normalised and expanding spelling
/// variants.
struct TermParser {
  let tokenizer: Tokenizer
  /// Variant groups, normalised: each literal containing one member gets alternatives with the
  /// other members in its place.
  let variants: [[String]]
  let diacritics: Diacritics

  /// The most phrases one written term may stand for once its several-word alternatives are
  /// expanded (`(a b|c) (d|e f)` stands for four).
  static let maxPhraseExpansions = 64

  /// Parses `source` into the terms it stands for: one, or one per combination of its
  /// several-word alternatives (`mangel på (psykolog|psykiatrisk sykepleier)` is two phrases). Every
  /// term keeps `source` as written. Problems go to `diagnostics`; returns [] when unusable.
  func parse(_ source: String, at location: SourceLocation?, into diagnostics: inout [Diagnostic]) -> [Term] {
    let text = source.trimmingWhitespace()
    let phrases: [String]
    switch expandPhraseAlternatives(text) {
    case .success(let p): phrases = p
    case .failure(let problem):
      diagnostics.append(Diagnostic(.error, "\(problem.message) in '\(source)'", at: location))
      return []
    }
    var terms: [Term] = []
    for phrase in phrases {
      guard let term = parseOne(phrase, source: source, at: location, into: &diagnostics) else { return [] }
      if !terms.contains(term) { terms.append(term) }
    }
    return terms
  }

  struct ExpansionProblem: Error { let message: String }

  /// Rewrites a term whose `( | )` groups hold alternatives of several words into the plain
  /// phrases it stands for, one per combination. Groups of one-word alternatives stay as they are
  /// (the matcher handles them inside one token position). Returns `[text]` when there is nothing
  /// to expand; a group glued to other letters is left for `parseOne` to report.
  func expandPhraseAlternatives(_ text: String) -> Result<[String], ExpansionProblem> {
    var phrases = [""]
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "(") {
      let before = rest[..<open]
      guard let close = rest[open...].firstIndex(of: ")") else { break }  // unbalanced: parseOne reports it
      let inner = rest[rest.index(after: open)..<close]
      let after = rest[rest.index(after: close)...]
      if inner.contains("(") { return .failure(ExpansionProblem(message: "alternatives cannot be nested")) }
      let alternatives = inner.split(separator: "|", omittingEmptySubsequences: false)
        .map { String($0).trimmingWhitespace() }
      let standsAlone = (before.last.map(\.isWhitespace) ?? true) && (after.first.map(\.isWhitespace) ?? true)
      let severalWords = alternatives.contains { $0.contains(where: \.isWhitespace) }
      if severalWords && standsAlone {
        if alternatives.contains(where: \.isEmpty) {
          return .failure(ExpansionProblem(message: "empty alternative in '(\(inner))'"))
        }
        phrases = phrases.flatMap { p in alternatives.map { p + before + $0 } }
        if phrases.count > Self.maxPhraseExpansions {
          return .failure(ExpansionProblem(message: "the alternatives stand for more than \(Self.maxPhraseExpansions) phrases; split the term"))
        }
      } else {
        phrases = phrases.map { $0 + rest[...close] }
      }
      rest = after
    }
    return .success(phrases.map { ($0 + rest).trimmingWhitespace() })
  }

  private func parseOne(
    _ text: String, source: String, at location: SourceLocation?, into diagnostics: inout [Diagnostic]
  ) -> Term? {
    func error(_ message: String) -> Term? {
      diagnostics.append(Diagnostic(.error, message, at: location))
      return nil
    }
    if text.isEmpty { return error("empty phrase: a term needs at least one word") }
    let quotes = text.filter { "\"“”«»„".contains($0) }.count
    if quotes % 2 == 1 { return error("unbalanced quote in '\(source)'") }
    if quotes > 0 {
      return error("quote characters in '\(source)' can never match (tokens contain no quotes); write the phrase without them")
    }
    var depth = 0
    var elements: [String] = []
    var current = ""
    for ch in text {
      if ch == "(" { depth += 1 }
      if ch == ")" {
        depth -= 1
        if depth < 0 { return error("unbalanced parenthesis in '\(source)': ')' without '('") }
      }
      if ch.isWhitespace && depth == 0 {
        if !current.isEmpty { elements.append(current) }
        current = ""
      } else {
        current.append(ch)
      }
    }
    if depth != 0 { return error("unbalanced parenthesis in '\(source)': '(' without ')'") }
    if !current.isEmpty { elements.append(current) }

    var parts: [TermPart] = []
    for element in elements {
      if element == "*" {
        parts.append(.anyToken)
        continue
      }
      if element.hasPrefix("...") {
        let rest = element.dropFirst(3)
        if rest.isEmpty {
          parts.append(.gap(max: 3))
        } else if let n = Int(rest), n >= 1, n <= 20 {
          parts.append(.gap(max: n))
        } else {
          return error("gap '\(element)' in '\(source)' must be '...' or '...N' with N from 1 to 20")
        }
        continue
      }
      var alternatives: [String]
      if element.hasPrefix("(") && element.hasSuffix(")") {
        alternatives = element.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
          .map { String($0).trimmingWhitespace() }
        if alternatives.contains(where: { $0.isEmpty }) {
          return error("empty alternative in '\(element)' of '\(source)'")
        }
      } else if element.contains("(") || element.contains(")") || element.contains("|") {
        return error("'\(element)' in '\(source)': alternatives are written as (a|b) around a whole word")
      } else {
        alternatives = [element]
      }
      var patterns: [Pattern] = []
      for alt in alternatives {
        guard let p = parsePattern(alt, in: source, at: location, into: &diagnostics) else { return nil }
        for expanded in expand(p) where !patterns.contains(expanded) { patterns.append(expanded) }
      }
      parts.append(.token(patterns))
    }
    if parts.isEmpty { return error("empty phrase: a term needs at least one word") }
    if case .token = parts.first!, case .token = parts.last! {} else {
      if parts.count == 1, case .anyToken = parts[0] {
        return error("a glob that is only '*' matches every word; name at least one letter")
      }
      return error("phrase '\(source)' cannot start or end with '*' or a gap")
    }
    for (a, b) in zip(parts, parts.dropFirst()) {
      if case .gap = a, case .gap = b { return error("two gaps in a row in '\(source)'") }
    }
    return Term(source: source, parts: parts, location: location)
  }

  private func parsePattern(
    _ raw: String, in source: String, at location: SourceLocation?, into diagnostics: inout [Diagnostic]
  ) -> Pattern? {
    let leading = raw.hasPrefix("*")
    let trailing = raw.hasSuffix("*") && raw.count > 1
    var core = Substring(raw)
    if leading { core = core.dropFirst() }
    if trailing { core = core.dropLast() }
    if core.isEmpty || core.allSatisfy({ $0 == "*" }) {
      diagnostics.append(Diagnostic(.error, "a glob that is only '*' matches every word; name at least one letter", at: location))
      return nil
    }
    if core.contains("*") {
      diagnostics.append(Diagnostic(.error, "'\(raw)' in '\(source)': '*' may stand only at the start or end of a word", at: location))
      return nil
    }
    if core.contains("?") {
      diagnostics.append(Diagnostic(.error, "'\(raw)' in '\(source)': '?' is not a wildcard here; use '*' at the start or end", at: location))
      return nil
    }
    // Normalise the literal the way answers are tokenised, and insist it is one token.
    let tokens = tokenizer.tokenize(String(core)).tokens
    guard tokens.count == 1 else {
      let seen = tokens.map { "'\($0.normalized)'" }.joined(separator: ", ")
      let what = tokens.isEmpty ? "no word at all" : "several tokens: \(seen)"
      diagnostics.append(Diagnostic(.error, "'\(raw)' in '\(source)' is not one word for the tokenizer (it sees \(what)); write the parts as a phrase", at: location))
      return nil
    }
    var literal = tokens[0].normalized
    // In a glob the hyphen is part of the literal: "mi-*" means "mi-" + more, not "mi" + more
    // (the elision rule that makes "rus-" the token "rus" applies to words, not to globs).
    if trailing, let last = core.last, last == "-" || last == "\u{2010}" || last == "\u{2011}", !literal.hasSuffix("-") {
      literal += "-"
    }
    // A trailing '-' belongs to the surface only ("rus-" is the token "rus").
    var written = core
    if written.count > 1, let last = written.last, last == "-", !trailing { written = written.dropLast() }
    if Normalizer.normalize(String(written)) != literal {
      diagnostics.append(Diagnostic(.warning, "'\(core)' in '\(source)' is matched as '\(literal)' (what the tokenizer keeps of it)", at: location))
    }
    literal = diacritics.key(literal)
    let kind: Pattern.Kind = leading && trailing ? .infix : leading ? .suffix : trailing ? .prefix : .exact
    return Pattern(kind: kind, literal: literal)
  }

  /// The pattern plus its spelling variants (bounded to 32 forms).
  private func expand(_ p: Pattern) -> [Pattern] {
    var literals = [p.literal]
    for group in variants {
      var added: [String] = []
      for lit in literals {
        for member in group where lit.contains(member) {
          for other in group where other != member {
            let v = lit.replacingOccurrences(of: member, with: other)
            if !literals.contains(v) && !added.contains(v) { added.append(v) }
          }
        }
      }
      literals += added
      if literals.count >= 32 { break }
    }
    return literals.prefix(32).map { Pattern(kind: p.kind, literal: $0) }
  }
}

extension String {
  func trimmingWhitespace() -> String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
