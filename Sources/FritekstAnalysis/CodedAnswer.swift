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

  /// A coded (or uncoded, when `hits` is empty) answer.
  public init(_ answer: Answer, hits: [AnswerHit]) {
    self.init(
      respondent: answer.respondent, question: answer.question, text: answer.text, row: answer.row,
      column: answer.column, answerID: answer.answerID, status: hits.isEmpty ? .uncoded : .coded, hits: hits)
  }

  /// A non-answer ("-", "vet ikke", empty …).
  public init(_ nonAnswer: NonAnswer) {
    self.init(
      respondent: nonAnswer.respondent, question: nonAnswer.question, text: nonAnswer.text, row: nonAnswer.row,
      column: nonAnswer.column, answerID: nonAnswer.answerID, status: .nonAnswer, hits: [])
  }

  private init(
    respondent: Respondent, question: String, text: String, row: Int, column: Int, answerID: String,
    status: Status, hits: [AnswerHit]
  ) {
    self.respondent = respondent
    self.question = question
    self.text = text
    self.row = row
    self.column = column
    self.answerID = answerID
    self.status = status
    self.hits = hits
  }

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
