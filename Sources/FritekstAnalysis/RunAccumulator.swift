import FritekstCodebook
import FritekstSurvey

/// Everything a coding run accumulates, one respondent at a time: the tally, the quote
/// candidates, the answer counts and the answers per code. `code`, `report` and the exports all
/// fold coded records through this one type, so they count the same way.
public struct RunAccumulator: Sendable {
  public private(set) var tally: Tally
  public private(set) var quotes: QuoteCollector
  public private(set) var counts = RunSummary.Counts()
  /// Answers (not respondents) per code id.
  public private(set) var answersPerCode: [String: Int] = [:]

  public init(codebooks: [Codebook], bands: [SizeBand], groupColumn: String?, quoteUnit: QuoteUnit, selection: QuoteSelection) {
    tally = Tally(codebooks: codebooks, bands: bands, groupColumn: groupColumn)
    quotes = QuoteCollector(unit: quoteUnit, selection: selection)
  }

  /// Adds one coded respondent.
  public mutating func add(_ record: CodedRecord) {
    tally.add(record)
    quotes.add(record)
    for a in record.answers {
      switch a.status {
      case .coded: counts.coded += 1
      case .uncoded: counts.uncoded += 1
      case .nonAnswer: counts.nonAnswers += 1
      }
      for c in a.codes { answersPerCode[c, default: 0] += 1 }
    }
  }

  /// Takes the row counts from the finished reading report.
  public mutating func finish(_ report: ReadingReport) {
    counts.rows = report.rows
    counts.respondents = report.respondents
    counts.answers = counts.coded + counts.uncoded
    counts.rejectedRows = report.rejectedRows
  }

  /// The selected quotes of a code, in band order.
  public func quotes(for code: String) -> [Quote] { quotes.quotes(for: code, bands: tally.bands) }

  /// Answers per code in tally order (for the run summary).
  public var answersPerCodeInOrder: [(String, Int)] { tally.codes.map { ($0.id, answersPerCode[$0.id] ?? 0) } }
}
