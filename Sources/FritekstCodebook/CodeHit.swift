import FritekstText

/// One coding decision: a code assigned by a rule to specific tokens of an answer.
public struct CodeHit: Hashable, Sendable {
  public let codeID: String
  public let ruleID: String
  /// Indices of the matched tokens, ascending (gap tokens of a phrase are not included).
  public let tokens: [Int]
  /// UTF-16 spans of the matched tokens, in the same order.
  public let spans: [TextSpan]

  public init(codeID: String, ruleID: String, tokens: [Int], spans: [TextSpan]) {
    precondition(tokens.count == spans.count && !tokens.isEmpty, "a hit needs one span per token")
    self.codeID = codeID
    self.ruleID = ruleID
    self.tokens = tokens
    self.spans = spans
  }

  /// First to last matched token.
  public var tokenRange: ClosedRange<Int> { tokens.first!...tokens.last! }

  /// From the first matched character to the last.
  public var extent: TextSpan { spans.first!.union(spans.last!) }

  /// Spans of runs of consecutive matched tokens merged into one span each ("mangel på boliger"
  /// is one span; "psykolog … mangler" two).
  public var mergedSpans: [TextSpan] {
    var result: [TextSpan] = []
    var previousToken = -2
    for (t, s) in zip(tokens, spans) {
      if t == previousToken + 1, let last = result.last {
        result[result.count - 1] = last.union(s)
      } else {
        result.append(s)
      }
      previousToken = t
    }
    return result
  }

  /// The matched text as written: runs of consecutive tokens as they stand in the answer,
  /// separated by " … ".
  public func matchedText(in text: String) -> String {
    mergedSpans.map { String($0.substring(of: text)) }.joined(separator: " … ")
  }
}

/// Why a candidate did or did not become a hit (for `fritekst explain` and near-miss reports).
public enum Verdict: String, Sendable, Hashable {
  case hit
  case negated
  case excluded
  case outsideWindow = "outside-window"
  case incomplete
  case overlapped
}

/// One line of a match trace: a rule, the tokens it looked at, and what happened.
public struct Decision: Hashable, Sendable {
  public let codeID: String
  public let ruleID: String
  public let verdict: Verdict
  /// Tokens involved (the candidate's matched tokens).
  public let tokens: [Int]
  /// Human-readable reason, e.g. "negated by 'ikke' at token 2".
  public let detail: String
}
