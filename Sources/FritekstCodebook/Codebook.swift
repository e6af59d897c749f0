import FritekstText

/// Standard for a codebook's answers; decides the default negation cues.
public enum CodebookLanguage: String, Sendable, Hashable {
  case bokmal = "nb"
  case nynorsk = "nn"
  case both
}

/// One element of a term, already normalised.
public struct Pattern: Hashable, Sendable, CustomStringConvertible {
  public enum Kind: Hashable, Sendable {
    /// `word`: the whole normalised token.
    case exact
    /// `word*`: tokens starting with the literal.
    case prefix
    /// `*word`: tokens ending with the literal.
    case suffix
    /// `*word*`: tokens containing the literal.
    case infix
  }
  public let kind: Kind
  public let literal: String

  public init(kind: Kind, literal: String) {
    self.kind = kind
    self.literal = literal
  }

  /// True when the normalised token matches this pattern.
  public func matches(_ token: String) -> Bool {
    switch kind {
    case .exact: return token == literal
    case .prefix: return token.hasPrefix(literal)
    case .suffix: return token.hasSuffix(literal)
    case .infix: return token.contains(literal)
    }
  }

  public var isGlob: Bool { kind != .exact }

  public var description: String {
    switch kind {
    case .exact: return literal
    case .prefix: return literal + "*"
    case .suffix: return "*" + literal
    case .infix: return "*" + literal + "*"
    }
  }
}

/// A part of a term: one token position, or a gap.
public enum TermPart: Hashable, Sendable {
  /// One token matching any of these patterns (`word`, `(a|b*)`).
  case token([Pattern])
  /// `*`: exactly one token, whatever it is.
  case anyToken
  /// `...` or `...N`: between 0 and `max` tokens, whatever they are.
  case gap(max: Int)
}

/// A word, glob or phrase as written in the codebook, parsed and normalised.
public struct Term: Hashable, Sendable, CustomStringConvertible {
  /// The text as written.
  public let source: String
  public let parts: [TermPart]
  public let location: SourceLocation?

  public init(source: String, parts: [TermPart], location: SourceLocation?) {
    self.source = source
    self.parts = parts
    self.location = location
  }

  public var description: String { source }

  public static func == (a: Term, b: Term) -> Bool { a.parts == b.parts }
  public func hash(into h: inout Hasher) { h.combine(parts) }
}

/// Where an `all:` rule looks for its groups.
public enum RuleScope: String, Sendable, Hashable {
  case answer, sentence
}

/// How far apart the two sides of a `near:` rule may be.
public enum Proximity: Hashable, Sendable, CustomStringConvertible {
  /// At most N tokens strictly between them (may cross a sentence end).
  case tokens(Int)
  /// Anywhere in the same sentence.
  case sentence
  /// At most N tokens strictly between them, and in the same sentence (`within: N` with
  /// `scope: sentence`).
  case tokensInSentence(Int)

  public var description: String {
    switch self {
    case .tokens(let n): return "within \(n) tokens"
    case .sentence: return "in the same sentence"
    case .tokensInSentence(let n): return "within \(n) tokens in the same sentence"
    }
  }
}

/// Where an exclusion must be to veto a candidate.
public enum ExcludeScope: String, Sendable, Hashable {
  case overlap, sentence, answer
}

/// What a rule looks for.
public enum RuleTrigger: Hashable, Sendable {
  /// Any of these terms.
  case any([Term])
  /// Every group has a match in the scope.
  case all([[Term]], scope: RuleScope)
  /// A match of side A and one of side B close together.
  case near([Term], [Term], Proximity)

  /// Every term the trigger uses.
  public var terms: [Term] {
    switch self {
    case .any(let t): return t
    case .all(let g, _): return g.flatMap { $0 }
    case .near(let a, let b, _): return a + b
    }
  }
}

/// The negation guard of a rule (resolved from codebook defaults and rule overrides).
public struct Negation: Hashable, Sendable {
  public var enabled: Bool
  /// A cue negates a match when it ends at most `window` tokens before the match's first token.
  public var window: Int
  /// …or starts at most `after` tokens after the match's last token (postposed negation).
  public var after: Int
  public var cues: [Term]
  /// Phrases in which a cue does not negate ("ikke bare", "ikke minst").
  public var ignore: [Term]

  public init(enabled: Bool, window: Int, after: Int, cues: [Term], ignore: [Term]) {
    self.enabled = enabled
    self.window = window
    self.after = after
    self.cues = cues
    self.ignore = ignore
  }
}

/// One rule of a code.
public struct Rule: Hashable, Sendable {
  public let id: String
  public let codeID: String
  public let trigger: RuleTrigger
  public let exclude: [Term]
  public let excludeScope: ExcludeScope
  public let negation: Negation
  public let location: SourceLocation?

  public init(
    id: String, codeID: String, trigger: RuleTrigger, exclude: [Term], excludeScope: ExcludeScope,
    negation: Negation, location: SourceLocation?
  ) {
    self.id = id
    self.codeID = codeID
    self.trigger = trigger
    self.exclude = exclude
    self.excludeScope = excludeScope
    self.negation = negation
    self.location = location
  }
}

/// An example answer a code must (or must not) match.
public struct Example: Hashable, Sendable {
  public let text: String
  public let location: SourceLocation?

  public init(text: String, location: SourceLocation?) {
    self.text = text
    self.location = location
  }
}

/// A code: a theme with its rules, examples and optional parent.
public struct Code: Hashable, Sendable {
  public let id: String
  public let label: String
  public let description: String
  public let parent: String?
  public let rules: [Rule]
  public let mustMatch: [Example]
  public let mustNotMatch: [Example]
  public let location: SourceLocation?

  public init(
    id: String, label: String, description: String, parent: String?, rules: [Rule],
    mustMatch: [Example], mustNotMatch: [Example], location: SourceLocation?
  ) {
    self.id = id
    self.label = label
    self.description = description
    self.parent = parent
    self.rules = rules
    self.mustMatch = mustMatch
    self.mustNotMatch = mustNotMatch
    self.location = location
  }
}

/// A validated, normalised codebook. Build one with ``CodebookLoader``.
public struct Codebook: Sendable {
  public let id: String
  public let title: String
  public let version: String
  public let language: CodebookLanguage
  public let question: String
  public let description: String
  /// Codes in file order.
  public let codes: [Code]
  /// How matching treats diacritics and æ/ø/å (default ``Diacritics/keep``: å ≠ a).
  public let diacritics: Diacritics
  /// The file it was read from.
  public let path: String
  /// SHA-256 of the file's bytes (hex), for run summaries.
  public let fingerprint: String

  public init(
    id: String, title: String, version: String, language: CodebookLanguage, question: String,
    description: String, codes: [Code], diacritics: Diacritics, path: String, fingerprint: String
  ) {
    self.id = id
    self.title = title
    self.version = version
    self.language = language
    self.question = question
    self.description = description
    self.codes = codes
    self.diacritics = diacritics
    self.path = path
    self.fingerprint = fingerprint
  }

  /// The code with this id.
  public func code(_ id: String) -> Code? { codes.first { $0.id == id } }

  /// `id` followed by its ancestors, nearest first.
  public func lineage(of id: String) -> [String] {
    var result: [String] = []
    var current: String? = id
    var seen = Set<String>()
    while let c = current, !seen.contains(c) {
      seen.insert(c)
      result.append(c)
      current = code(c)?.parent
    }
    return result
  }
}
