import FritekstCodebook
import FritekstSurvey

/// Respondents per code × size band for each question, with denominators.
///
/// Counts are accumulated one respondent at a time (``add(_:)``), so memory does not grow with
/// the survey. Shares are derived when asked for, never stored.
public struct Tally: Sendable {
  /// One code of the tally, with its depth in the hierarchy (0 = top level).
  public struct CodeInfo: Sendable, Hashable {
    public let id: String
    public let label: String
    public let parent: String?
    public let depth: Int
    public let codebookID: String
  }

  /// A cell: respondents with the code, of respondents who answered.
  public struct Cell: Sendable, Hashable {
    public var count: Int
    public var base: Int
    public init(count: Int, base: Int) {
      self.count = count
      self.base = base
    }
    /// Percentage (0–100), nil when nobody answered (no division by zero).
    public var percent: Double? { base == 0 ? nil : Double(count) * 100 / Double(base) }
  }

  /// Rows for every code in codebook order (parents before their children), then the two
  /// bookkeeping rows.
  public static let uncodedRow = "(ukodet)"
  public static let nonAnswerRow = "(ikke svar)"

  public let codes: [CodeInfo]
  public let bands: [SizeBand]
  /// Questions in the order first seen.
  public private(set) var questions: [String] = []
  /// Group values in the order first seen (only with a group column).
  public private(set) var groups: [String] = []
  public let groupColumn: String?

  private let ancestors: [String: [String]]
  private var counts: [Key: Int] = [:]
  /// Respondents per band (all read respondents), for reconciliation with the reading report.
  public private(set) var respondentsByBand: [SizeBand: Int] = [:]

  struct Key: Hashable {
    let group: String
    let question: String
    let row: String  // code id, or a bookkeeping row, or "" for the denominator
    let band: SizeBand
  }

  /// - Parameters:
  ///   - codebooks: the codebooks used (codes in their order).
  ///   - bands: every band, in display order (bands without respondents still get columns).
  ///   - groupColumn: optional breakdown column; its values become separate tables.
  public init(codebooks: [Codebook], bands: [SizeBand], groupColumn: String? = nil) {
    var infos: [CodeInfo] = []
    var ancestors: [String: [String]] = [:]
    for cb in codebooks {
      // Parents first, then children (depth-first in file order).
      let byParent = Dictionary(grouping: cb.codes, by: { $0.parent ?? "" })
      func visit(_ parent: String, depth: Int) {
        for c in byParent[parent] ?? [] {
          infos.append(CodeInfo(id: c.id, label: c.label, parent: c.parent, depth: depth, codebookID: cb.id))
          visit(c.id, depth: depth + 1)
        }
      }
      let ids = Set(cb.codes.map(\.id))
      for c in cb.codes where c.parent == nil || !ids.contains(c.parent!) {
        infos.append(CodeInfo(id: c.id, label: c.label, parent: c.parent, depth: 0, codebookID: cb.id))
        visit(c.id, depth: 1)
      }
      for c in cb.codes { ancestors[c.id] = Array(cb.lineage(of: c.id)) }
    }
    self.codes = infos
    self.bands = bands
    self.ancestors = ancestors
    self.groupColumn = groupColumn
  }

  /// Adds one respondent's coded row.
  public mutating func add(_ record: CodedRecord) {
    let band = record.respondent.band
    respondentsByBand[band, default: 0] += 1
    var groupKeys = ["alle"]
    if let g = groupColumn {
      let value = record.respondent.groups[g] ?? ""
      let shown = value.isEmpty ? "(tom)" : value
      if !groups.contains(shown) { groups.append(shown) }
      groupKeys.append(shown)
    }
    // Per question: did the respondent answer, which codes (with ancestors) did it get?
    var answered: [String: Set<String>] = [:]
    var nonAnswered: Set<String> = []
    var order: [String] = []
    for a in record.answers {
      if !questions.contains(a.question) { questions.append(a.question) }
      if !order.contains(a.question) { order.append(a.question) }
      if a.status == .nonAnswer {
        nonAnswered.insert(a.question)
        continue
      }
      var set = answered[a.question] ?? []
      for code in a.codes { set.formUnion(ancestors[code] ?? [code]) }
      answered[a.question] = set
    }
    for q in order {
      for g in groupKeys {
        if let codes = answered[q] {
          counts[Key(group: g, question: q, row: "", band: band), default: 0] += 1
          if codes.isEmpty { counts[Key(group: g, question: q, row: Tally.uncodedRow, band: band), default: 0] += 1 }
          for c in codes { counts[Key(group: g, question: q, row: c, band: band), default: 0] += 1 }
        } else if nonAnswered.contains(q) {
          counts[Key(group: g, question: q, row: Tally.nonAnswerRow, band: band), default: 0] += 1
        }
      }
    }
  }

  /// Respondents who answered `question` in `band` (the denominator).
  public func answered(_ question: String, band: SizeBand?, group: String = "alle") -> Int {
    sum(group, question, "", band)
  }

  /// The cell for a row (code id, ``uncodedRow`` or ``nonAnswerRow``) and band (nil = total).
  /// Non-answers are shown against all respondents with an answer or a non-answer.
  public func cell(_ row: String, question: String, band: SizeBand?, group: String = "alle") -> Cell {
    let count = sum(group, question, row, band)
    var base = sum(group, question, "", band)
    if row == Tally.nonAnswerRow { base += count }
    return Cell(count: count, base: base)
  }

  private func sum(_ group: String, _ question: String, _ row: String, _ band: SizeBand?) -> Int {
    if let band { return counts[Key(group: group, question: question, row: row, band: band)] ?? 0 }
    return bands.reduce(0) { $0 + (counts[Key(group: group, question: question, row: row, band: $1)] ?? 0) }
  }

  /// Bands that have at least one respondent (the columns worth printing).
  public var usedBands: [SizeBand] { bands.filter { (respondentsByBand[$0] ?? 0) > 0 } }
}
