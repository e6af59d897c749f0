import Foundation

/// One respondent: a municipality or Oslo district (or one row, when the survey has no
/// municipality column).
public struct Respondent: Sendable, Hashable {
  /// The id column's value; else the 2024 municipality number; else "rad N".
  public let id: String
  /// Spreadsheet row (header = row 1); JSONL: the line number.
  public let row: Int
  public let municipality: Municipality?
  /// The 2024 number (after renumbering), nil without a municipality column.
  public let municipalityNumber: String?
  /// The survey's population value if it has that column, else the registry's.
  public let population: Int?
  public let band: SizeBand
  /// Group column name → value.
  public let groups: [String: String]

  public init(
    id: String, row: Int, municipality: Municipality?, municipalityNumber: String?, population: Int?,
    band: SizeBand, groups: [String: String]
  ) {
    self.id = id
    self.row = row
    self.municipality = municipality
    self.municipalityNumber = municipalityNumber
    self.population = population
    self.band = band
    self.groups = groups
  }
}

/// One open answer to one question.
public struct Answer: Sendable, Hashable {
  public let respondent: Respondent
  /// The text column's header.
  public let question: String
  /// As written (quoted CRLF line breaks are read as "\n").
  public let text: String
  /// Spreadsheet row (header = row 1); JSONL: the line number.
  public let row: Int
  /// 1-based column in the file.
  public let column: Int
  /// Stable: `Answer.id(respondent:question:)`.
  public let answerID: String

  /// The one spelling of an answer id: "<respondent id>/<question>".
  public static func id(respondent: String, question: String) -> String { "\(respondent)/\(question)" }
}

/// An answer that says nothing ("", "-", "vet ikke", …): counted, never coded.
public struct NonAnswer: Sendable, Hashable {
  public let respondent: Respondent
  public let question: String
  public let text: String
  public let row: Int
  public let column: Int

  /// The id the answer would have had: `Answer.id(respondent:question:)`.
  public var answerID: String { Answer.id(respondent: respondent.id, question: question) }
}

/// One accepted row: the respondent with its answers and non-answers, in column order.
public struct SurveyRecord: Sendable, Hashable {
  public let respondent: Respondent
  public let answers: [Answer]
  public let nonAnswers: [NonAnswer]
}

/// A row that was not read, and why.
public struct Rejection: Sendable, Codable, Hashable, CustomStringConvertible {
  public let file: String
  public let row: Int
  public let column: Int?
  public let columnName: String?
  public let reason: String

  public init(file: String, row: Int, column: Int?, columnName: String?, reason: String) {
    self.file = file
    self.row = row
    self.column = column
    self.columnName = columnName
    self.reason = reason
  }

  /// `file:row:col: reason` (col omitted when the whole row is at fault).
  public var description: String {
    if let column { return "\(file):\(row):\(column): \(reason)" }
    return "\(file):\(row): \(reason)"
  }
}

public struct QuestionCount: Sendable, Codable, Hashable {
  public let question: String
  public var count: Int
}

public struct BandCount: Sendable, Codable, Hashable {
  public let band: SizeBand
  public var count: Int
}

/// What was read, how, and what was left out. Complete once `SurveyReader.next()` returned nil.
public struct ReadingReport: Sendable, Codable {
  public var file: String
  /// "CSV", "XLSX" or "JSONL".
  public var format: String
  /// As detected or forced, e.g. "UTF-8", "UTF-8 (BOM)", "UTF-16LE (BOM)", "Windows-1252".
  public var encoding: String
  /// "," ";" "tab", or "-" for XLSX/JSONL.
  public var delimiter: String
  /// XLSX: the sheet read.
  public var sheet: String?
  /// Data rows seen (blank lines excluded, see notes).
  public var rows: Int = 0
  /// Rows read (with answers or only non-answers).
  public var respondents: Int = 0
  public var rowsWithAnswers: Int = 0
  public var rowsOnlyNonAnswers: Int = 0
  public var rejected: [Rejection] = []
  /// Text-column headers in file order.
  public var questions: [String] = []
  public var answersByQuestion: [QuestionCount] = []
  public var nonAnswersByQuestion: [QuestionCount] = []
  /// Every band of `bands`, in display order, with its number of respondents.
  public var respondentsByBand: [BandCount] = []
  public var bands: [SizeBand] = []
  /// The resolved column mapping, for the reader of the report.
  public var idColumn: String?
  public var municipalityColumn: String?
  public var populationColumn: String?
  public var groupColumns: [String] = []
  public var notes: [String] = []

  public init(file: String, format: String, encoding: String, delimiter: String) {
    self.file = file
    self.format = format
    self.encoding = encoding
    self.delimiter = delimiter
  }

  /// Rows rejected (distinct row numbers; one row can have one rejection only).
  public var rejectedRows: Int { Set(rejected.map(\.row)).count }
  public var totalAnswers: Int { answersByQuestion.reduce(0) { $0 + $1.count } }
  public var totalNonAnswers: Int { nonAnswersByQuestion.reduce(0) { $0 + $1.count } }

  /// Every row is in exactly one of: read with answers, only non-answers, rejected.
  public var reconciles: Bool {
    rows == rowsWithAnswers + rowsOnlyNonAnswers + rejectedRows
      && respondents == rowsWithAnswers + rowsOnlyNonAnswers
      && respondentsByBand.reduce(0, { $0 + $1.count }) == respondents
  }
}
