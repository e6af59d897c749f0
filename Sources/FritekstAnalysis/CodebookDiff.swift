import FritekstCodebook
import FritekstSurvey

/// What changes between two versions of a codebook on the same survey: answers that gained or
/// lost codes (with the rule and words responsible, from the version that has the hit), and the
/// tally cells (code × size band, per question) whose counts change.
///
/// The two versions may share code ids (they usually do). Answers are paired by position: both
/// codings must come from the same survey records in the same order.
public struct CodebookDiff: Sendable {
  public struct Change: Sendable, Hashable {
    public enum Kind: String, Sendable { case gained, lost }
    public let answerID: String
    public let question: String
    public let band: String
    public let text: String
    public let codeID: String
    public let kind: Kind
    /// Rules of the version that has the hit (new for gained, old for lost).
    public let rules: [String]
    /// The matched words, as written (runs joined by " … ").
    public let matched: [String]
    public let highlights: [TextSpanValue]
  }

  public struct CellChange: Sendable, Hashable {
    public let question: String
    /// Code id, or ``Tally/uncodedRow``.
    public let row: String
    public let label: String
    /// Band label, or "total" (no total row when only one band has respondents).
    public let band: String
    public let old: Tally.Cell
    public let new: Tally.Cell
    /// The code exists in that version (a missing code counts 0).
    public let inOld: Bool
    public let inNew: Bool
  }

  public let changes: [Change]
  public let cells: [CellChange]
  /// Answers compared (non-answers excluded) and answers whose code set changed.
  public let answers: Int
  public let answersChanged: Int

  public static func compare(
    old: [CodedRecord], new: [CodedRecord], oldCodebook: Codebook, newCodebook: Codebook, bands: [SizeBand]
  ) -> CodebookDiff {
    precondition(old.count == new.count, "both codings must cover the same records")
    var changes: [Change] = []
    var answers = 0, changed = 0
    var oldTally = Tally(codebooks: [oldCodebook], bands: bands)
    var newTally = Tally(codebooks: [newCodebook], bands: bands)
    for (ro, rn) in zip(old, new) {
      oldTally.add(ro)
      newTally.add(rn)
      for (ao, an) in zip(ro.answers, rn.answers) where ao.status != .nonAnswer {
        answers += 1
        let so = Set(ao.codes), sn = Set(an.codes)
        if so == sn { continue }
        changed += 1
        for (answer, codes, kind) in [(an, an.codes.filter { !so.contains($0) }, Change.Kind.gained), (ao, ao.codes.filter { !sn.contains($0) }, .lost)] {
          for code in codes {
            let hits = answer.hits.filter { $0.hit.codeID == code }
            var rules: [String] = []
            for h in hits where !rules.contains(h.hit.ruleID) { rules.append(h.hit.ruleID) }
            changes.append(
              Change(
                answerID: answer.answerID, question: answer.question, band: answer.respondent.band.label, text: answer.text,
                codeID: code, kind: kind, rules: rules, matched: hits.map { $0.hit.matchedText(in: answer.text) },
                highlights: hits.flatMap(\.hit.mergedSpans).map { TextSpanValue(start: $0.start, end: $0.end) }))
          }
        }
      }
    }
    // Rows: the new version's codes in tally order, then codes only in the old one, then uncoded.
    let newIDs = Set(newTally.codes.map(\.id)), oldIDs = Set(oldTally.codes.map(\.id))
    var rows: [(String, String)] = newTally.codes.map { ($0.id, $0.label) }
    rows += oldTally.codes.filter { !newIDs.contains($0.id) }.map { ($0.id, $0.label) }
    rows.append((Tally.uncodedRow, "uncoded"))
    let used = Set(oldTally.usedBands)
    var cells: [CellChange] = []
    for q in newTally.questions {
      for (row, label) in rows {
        let inOld = row == Tally.uncodedRow || oldIDs.contains(row)
        let inNew = row == Tally.uncodedRow || newIDs.contains(row)
        for band in bands.filter(used.contains).map(Optional.some) + (used.count == 1 ? [] : [nil]) {
          let co = oldTally.cell(row, question: q, band: band)
          let cn = newTally.cell(row, question: q, band: band)
          if co.count != cn.count || inOld != inNew && (co.count > 0 || cn.count > 0) {
            cells.append(CellChange(question: q, row: row, label: label, band: band?.label ?? "total", old: co, new: cn, inOld: inOld, inNew: inNew))
          }
        }
      }
    }
    return CodebookDiff(changes: changes, cells: cells, answers: answers, answersChanged: changed)
  }
}
