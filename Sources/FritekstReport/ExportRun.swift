import FritekstAnalysis
import FritekstCodebook
import FritekstSurvey

/// Everything the researcher exports (XLSX, HTML) need from one coding run, as values.
///
/// Quotes are given already redacted (or not, with `--no-redact`); ``redactor`` is applied to the
/// answer texts of the XLSX answer sheets. `answers` keeps the original texts (the audit record).
public struct ExportRun: Sendable {
  public let title: String
  public let tally: Tally
  /// Every answer and non-answer, in input order.
  public let answers: [CodedAnswer]
  /// Selected quotes per code id, in presentation order (redacted when redaction is on).
  public let quotes: [String: [Quote]]
  /// Answers carrying each code (before quote selection).
  public let answersPerCode: [String: Int]
  public let summary: RunSummary
  /// Nil with `--no-redact`.
  public let redactor: Redactor?

  public init(
    title: String, tally: Tally, answers: [CodedAnswer], quotes: [String: [Quote]], answersPerCode: [String: Int],
    summary: RunSummary, redactor: Redactor?
  ) {
    self.title = title
    self.tally = tally
    self.answers = answers
    self.quotes = quotes
    self.answersPerCode = answersPerCode
    self.summary = summary
    self.redactor = redactor
  }

  /// Rows of the tally (code id, label, depth), then uncoded and non-answer rows.
  public var tallyRows: [(id: String, label: String, depth: Int)] {
    TallyPrinter.rows(tally).map { ($0.0, $0.1, Int($0.2) ?? 0) }
  }

  /// The text shown for an answer in a shared export, and the hits' matched texts mapped into it
  /// (a hit inside a redacted part shows the placeholder instead).
  func shown(_ a: CodedAnswer) -> (text: String, hits: [String]) {
    guard let redactor else {
      return (a.text, a.hits.map { "\($0.hit.codeID)=\($0.hit.ruleID):\"\($0.hit.matchedText(in: a.text))\"" })
    }
    let r = redactor.redact(a.text)
    let hits = a.hits.map { h -> String in
      let parts = h.hit.mergedSpans.map { s in r.map(s).map { String($0.substring(of: r.text)) } ?? "[…]" }
      return "\(h.hit.codeID)=\(h.hit.ruleID):\"\(parts.joined(separator: " … "))\""
    }
    return (r.text, hits)
  }
}

/// The researcher workbook: sheets Tally, Sitater (quotes), Kodede svar (coded answers with their
/// hits), Ukodede svar (uncoded answers) and Sammendrag (run summary).
public enum WorkbookExport {
  public static let sheetNames = ["Tally", "Sitater", "Kodede svar", "Ukodede svar", "Sammendrag"]

  public static func sheets(_ run: ExportRun) -> [XLSXSheet] {
    [tally(run), quotes(run), coded(run), uncoded(run), summary(run)]
  }

  public static func data(_ run: ExportRun) throws -> [UInt8] {
    Array(try XLSXWriter.data(sheets(run)))
  }

  static func tally(_ run: ExportRun) -> XLSXSheet {
    let t = run.tally
    let bands = t.usedBands
    var header: [XLSXSheet.Cell] = ["group", "question", "code", "label", "level"].map { .text($0) }
    for b in bands { header += [.text("\(b.label) n"), .text("\(b.label) N"), .text("\(b.label) %")] }
    header += [.text("Totalt n"), .text("Totalt N"), .text("Totalt %")]
    var rows = [header]
    for group in ["alle"] + t.groups {
      for q in t.questions {
        for row in run.tallyRows {
          var cells: [XLSXSheet.Cell] = [
            .text(group), .text(q), .text(row.id), .text(String(repeating: "  ", count: row.depth) + row.label), .int(row.depth),
          ]
          for b in bands as [SizeBand?] + [nil] {
            let c = t.cell(row.id, question: q, band: b, group: group)
            cells += [.int(c.count), .int(c.base), c.percent.map { .percent($0 / 100) } ?? .empty]
          }
          rows.append(cells)
        }
      }
    }
    let widths: [Double] = [8, 16, 24, 36, 6] + Array(repeating: 9, count: (bands.count + 1) * 3)
    return XLSXSheet(name: "Tally", columnWidths: widths, rows: rows)
  }

  static func quotes(_ run: ExportRun) -> XLSXSheet {
    var rows: [[XLSXSheet.Cell]] = [
      ["code", "label", "answer_id", "size_band", "question", "quote", "highlighted", "rules"].map { .text($0) }
    ]
    for code in run.tally.codes {
      for q in run.quotes[code.id] ?? [] {
        rows.append(
          [
            code.id, code.label, q.answerID, q.band.label, q.question, q.text,
            QuotePrinter.highlighted(q, open: "[", close: "]"), q.rules.joined(separator: "|"),
          ].map { .text($0) })
      }
    }
    return XLSXSheet(name: "Sitater", columnWidths: [22, 28, 18, 14, 16, 70, 70, 20], rows: rows, wrapColumns: [5, 6])
  }

  static func coded(_ run: ExportRun) -> XLSXSheet {
    var rows: [[XLSXSheet.Cell]] = [
      ["answer_id", "size_band", "question", "codes", "hits", "text"].map { .text($0) }
    ]
    for a in run.answers where a.status == .coded {
      let s = run.shown(a)
      rows.append(
        [a.answerID, a.respondent.band.label, a.question, a.codes.joined(separator: "|"), s.hits.joined(separator: " | "), s.text]
          .map { .text($0) })
    }
    return XLSXSheet(name: "Kodede svar", columnWidths: [18, 14, 16, 30, 50, 80], rows: rows, wrapColumns: [4, 5])
  }

  static func uncoded(_ run: ExportRun) -> XLSXSheet {
    var rows: [[XLSXSheet.Cell]] = [["answer_id", "size_band", "question", "text"].map { .text($0) }]
    for a in run.answers where a.status == .uncoded {
      rows.append([a.answerID, a.respondent.band.label, a.question, run.shown(a).text].map { .text($0) })
    }
    return XLSXSheet(name: "Ukodede svar", columnWidths: [18, 14, 16, 90], rows: rows, wrapColumns: [3])
  }

  static func summary(_ run: ExportRun) -> XLSXSheet {
    var rows: [[XLSXSheet.Cell]] = [[.text("felt"), .text("verdi")]]
    for (k, v) in SummaryTable.rows(run.summary, redacted: run.redactor != nil) { rows.append([.text(k), v]) }
    return XLSXSheet(name: "Sammendrag", columnWidths: [34, 80], rows: rows)
  }
}

/// The run summary as (field, value) rows, shared by the XLSX summary sheet and the HTML report.
enum SummaryTable {
  static func rows(_ s: RunSummary, redacted: Bool) -> [(String, XLSXSheet.Cell)] {
    var rows: [(String, XLSXSheet.Cell)] = [
      ("fritekst", .text(s.fritekstVersion)), ("ICU", .text(s.icuVersion)),
      ("fil", .text(s.input.path)), ("sha256", .text(s.input.sha256)), ("bytes", .int(s.input.bytes)),
    ]
    for cb in s.codebooks {
      rows.append(("kodebok \(cb.id)", .text("\(cb.title) v\(cb.version) (\(cb.path), sha256 \(cb.sha256))")))
    }
    for (k, v) in s.options { rows.append(("valg \(k)", .text(v))) }
    let c = s.counts
    rows += [
      ("rader", .int(c.rows)), ("respondenter", .int(c.respondents)), ("svar", .int(c.answers)),
      ("kodede svar", .int(c.coded)), ("ukodede svar", .int(c.uncoded)), ("ikke svar", .int(c.nonAnswers)),
      ("avviste rader", .int(c.rejectedRows)),
    ]
    for (code, n) in s.answersPerCode { rows.append(("svar med \(code)", .int(n))) }
    rows.append(("sladding", .text(redacted ? "på (kommunenavn, fnr, telefon, e-post i sitater)" : "av (--no-redact)")))
    for (kind, n) in s.redactions { rows.append(("sladdet \(kind)", .int(n))) }
    return rows
  }
}
