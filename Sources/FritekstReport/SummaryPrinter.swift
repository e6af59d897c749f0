import FritekstAnalysis
import FritekstSurvey

/// `summary.json`: input fingerprint, codebooks, options, counts and the reading report.
public enum SummaryPrinter {
  public static func json(_ s: RunSummary) -> String {
    let r = s.report
    let report: JSON = .object([
      ("format", .string(r.format)),
      ("encoding", .string(r.encoding)),
      ("delimiter", .string(r.delimiter)),
      ("rows", .int(r.rows)),
      ("respondents", .int(r.respondents)),
      ("rows_with_answers", .int(r.rowsWithAnswers)),
      ("rows_only_non_answers", .int(r.rowsOnlyNonAnswers)),
      ("rejected_rows", .int(r.rejectedRows)),
      ("reconciles", .bool(r.reconciles)),
      ("respondents_by_band", .object(r.respondentsByBand.map { ($0.band.label, .int($0.count)) })),
      ("answers_by_question", .object(r.answersByQuestion.map { ($0.question, .int($0.count)) })),
      ("non_answers_by_question", .object(r.nonAnswersByQuestion.map { ($0.question, .int($0.count)) })),
      ("rejections", .array(r.rejected.map { j in
        .object([
          ("row", .int(j.row)), ("column", j.column.map { .int($0) } ?? .null),
          ("column_name", j.columnName.map { .string($0) } ?? .null), ("reason", .string(j.reason)),
        ])
      })),
      ("notes", .array(r.notes.map { .string($0) })),
    ])
    let c = s.counts
    return JSON.object([
      ("fritekst_version", .string(s.fritekstVersion)),
      ("icu_version", .string(s.icuVersion)),
      ("input", .object([("path", .string(s.input.path)), ("sha256", .string(s.input.sha256)), ("bytes", .int(s.input.bytes))])),
      ("codebooks", .array(s.codebooks.map { cb in
        .object([("id", .string(cb.id)), ("title", .string(cb.title)), ("version", .string(cb.version)), ("path", .string(cb.path)), ("sha256", .string(cb.sha256))])
      })),
      ("options", .object(s.options.map { ($0.0, .string($0.1)) })),
      ("counts", .object([
        ("rows", .int(c.rows)), ("respondents", .int(c.respondents)), ("answers", .int(c.answers)),
        ("non_answers", .int(c.nonAnswers)), ("coded", .int(c.coded)), ("uncoded", .int(c.uncoded)),
        ("rejected_rows", .int(c.rejectedRows)),
      ])),
      ("answers_per_code", .object(s.answersPerCode.map { ($0.0, .int($0.1)) })),
      ("redactions", .object(s.redactions.map { ($0.0, .int($0.1)) })),
      ("reading_report", report),
    ]).pretty
  }
}
