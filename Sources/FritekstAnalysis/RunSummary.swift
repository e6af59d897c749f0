import FritekstCodebook
import FritekstSurvey

/// Everything needed to reproduce or cite a run. No timestamps: the same inputs give the same
/// summary, byte for byte.
public struct RunSummary: Sendable {
  public struct Input: Sendable {
    public let path: String
    public let sha256: String
    public let bytes: Int
    public init(path: String, sha256: String, bytes: Int) {
      self.path = path
      self.sha256 = sha256
      self.bytes = bytes
    }
  }
  public struct CodebookRef: Sendable {
    public let id: String
    public let title: String
    public let version: String
    public let path: String
    public let sha256: String
    public init(id: String, title: String, version: String, path: String, sha256: String) {
      self.id = id
      self.title = title
      self.version = version
      self.path = path
      self.sha256 = sha256
    }
  }
  public struct Counts: Sendable {
    public var rows = 0
    public var respondents = 0
    public var answers = 0
    public var nonAnswers = 0
    public var coded = 0
    public var uncoded = 0
    public var rejectedRows = 0
    public init() {}
  }

  public var fritekstVersion: String
  public var icuVersion: String
  public var input: Input
  public var codebooks: [CodebookRef]
  public var options: [(String, String)]
  public var counts: Counts
  public var report: ReadingReport
  /// Answers (not respondents) per code, for a quick check against coded.jsonl.
  public var answersPerCode: [(String, Int)]
  /// What redaction replaced, as counts per kind (values are never listed).
  public var redactions: [(String, Int)]

  public init(
    fritekstVersion: String, icuVersion: String, input: Input, codebooks: [CodebookRef],
    options: [(String, String)], counts: Counts, report: ReadingReport, answersPerCode: [(String, Int)],
    redactions: [(String, Int)] = []
  ) {
    self.fritekstVersion = fritekstVersion
    self.icuVersion = icuVersion
    self.input = input
    self.codebooks = codebooks
    self.options = options
    self.counts = counts
    self.report = report
    self.answersPerCode = answersPerCode
    self.redactions = redactions
  }
}
