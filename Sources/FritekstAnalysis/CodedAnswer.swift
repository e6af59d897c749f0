import FritekstCodebook
import FritekstSurvey
import FritekstText

/// A hit with the codebook it came from and the sentence(s) around it (for sentence quotes).
public struct AnswerHit: Sendable, Hashable {
  public let hit: CodeHit
  public let codebookID: String
  /// From the start of the sentence of the first matched token to the end of the sentence of
  /// the last one.
  public let sentence: TextSpan
}

/// What became of one open answer (or non-answer).
public struct CodedAnswer: Sendable {
  public enum Status: String, Sendable {
    case coded
    case uncoded
    case nonAnswer = "non-answer"
  }

  public let respondent: Respondent
  public let question: String
  public let text: String
  public let row: Int
  public let column: Int
  public let answerID: String
  public let status: Status
  /// Hits in text order (empty for uncoded answers and non-answers).
  public let hits: [AnswerHit]

  /// Distinct code ids of the hits, in first-hit order.
  public var codes: [String] {
    var seen = Set<String>()
    return hits.map(\.hit.codeID).filter { seen.insert($0).inserted }
  }
}

/// One respondent's row after coding: its answers and non-answers, in column order.
public struct CodedRecord: Sendable {
  public let respondent: Respondent
  public let answers: [CodedAnswer]
}
