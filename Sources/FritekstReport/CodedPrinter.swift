import FritekstAnalysis
import FritekstText

/// `coded.jsonl` and `coded.csv`: one record per answer (and per non-answer), in input order,
/// with every hit's code, rule, matched text and spans — enough to audit each decision without
/// running Fritekst again. Spans are UTF-16 offsets into `text`, end exclusive.
public enum CodedPrinter {
  /// The CSV header.
  public static let csvHeader = [
    "answer_id", "respondent_id", "row", "column", "kommunenummer", "size_band", "question", "status", "codes",
    "hits", "text",
  ]

  /// One JSON line (with its newline).
  public static func jsonLine(_ a: CodedAnswer) -> String {
    let hits: [JSON] = a.hits.map { h in
      .object([
        ("code", .string(h.hit.codeID)),
        ("rule", .string(h.hit.ruleID)),
        ("codebook", .string(h.codebookID)),
        ("text", .string(h.hit.matchedText(in: a.text))),
        ("tokens", .array(h.hit.tokens.map { .int($0) })),
        ("spans", .array(h.hit.mergedSpans.map { .array([.int($0.start), .int($0.end)]) })),
      ])
    }
    let obj: JSON = .object([
      ("answer_id", .string(a.answerID)),
      ("respondent_id", .string(a.respondent.id)),
      ("row", .int(a.row)),
      ("column", .int(a.column)),
      ("kommunenummer", a.respondent.municipalityNumber.map { .string($0) } ?? .null),
      ("size_band", .string(a.respondent.band.label)),
      ("question", .string(a.question)),
      ("status", .string(a.status.rawValue)),
      ("codes", .array(a.codes.map { .string($0) })),
      ("hits", .array(hits)),
      ("text", .string(a.text)),
    ])
    return obj.compact + "\n"
  }

  /// One CSV record. Hits are written as `code=rule@start-end:"matched"` joined by " | ".
  public static func csvRow(_ a: CodedAnswer, format: CSVFormat) -> String {
    let hits = a.hits.map { h -> String in
      let spans = h.hit.mergedSpans.map { "\($0.start)-\($0.end)" }.joined(separator: "+")
      return "\(h.hit.codeID)=\(h.hit.ruleID)@\(spans):\"\(h.hit.matchedText(in: a.text))\""
    }.joined(separator: " | ")
    return format.row([
      a.answerID, a.respondent.id, String(a.row), String(a.column), a.respondent.municipalityNumber ?? "",
      a.respondent.band.label, a.question, a.status.rawValue, a.codes.joined(separator: "|"), hits, a.text,
    ])
  }
}
