/// What kind of segment ICU found.
public enum TokenKind: UInt8, Sendable, Hashable {
  /// Letters (any script), including hyphenated compounds.
  case word
  /// Digits, possibly with internal separators ("1,5", "2024").
  case number
}

/// One word or number of an answer.
public struct Token: Hashable, Sendable {
  /// Position among the answer's tokens, from 0.
  public let index: Int
  /// Where the token is in the original text (UTF-16 offsets).
  public let span: TextSpan
  /// The characters as written.
  public let surface: String
  /// NFC + case folded form that rules are matched against.
  public let normalized: String
  /// Word or number.
  public let kind: TokenKind
  /// Index of the sentence the token belongs to.
  public let sentence: Int

  public init(
    index: Int, span: TextSpan, surface: String, normalized: String, kind: TokenKind, sentence: Int
  ) {
    self.index = index
    self.span = span
    self.surface = surface
    self.normalized = normalized
    self.kind = kind
    self.sentence = sentence
  }
}

/// One sentence of an answer, from ICU's sentence break iterator.
public struct Sentence: Hashable, Sendable {
  /// Position among the answer's sentences, from 0.
  public let index: Int
  /// Where the sentence is, trailing whitespace excluded.
  public let span: TextSpan
  /// The tokens inside the sentence (may be empty, e.g. for "?!").
  public let tokens: Range<Int>

  public init(index: Int, span: TextSpan, tokens: Range<Int>) {
    self.index = index
    self.span = span
    self.tokens = tokens
  }
}

/// An answer split into tokens and sentences. Spans refer to ``text``.
public struct TokenizedText: Sendable {
  public let text: String
  public let tokens: [Token]
  public let sentences: [Sentence]

  public init(text: String, tokens: [Token], sentences: [Sentence]) {
    self.text = text
    self.tokens = tokens
    self.sentences = sentences
  }
}
