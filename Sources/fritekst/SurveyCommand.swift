import ArgumentParser
import Foundation
import FritekstSurvey

struct SurveyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "survey",
    abstract: "Read a survey file (CSV, XLSX, JSONL) and show how it was read.",
    discussion: """
      Prints the reading report: format, encoding, delimiter, respondents per size band, answers \
      and non-answers per question, rejected rows (file:row:col: reason) and notes, and a final \
      line showing that every row is read, only non-answers, or rejected. Row numbers are \
      spreadsheet rows (the header is row 1). Exit status: 0 when the file was read (even with \
      rejected rows), 2 when it is unreadable or malformed or a named column is missing.
      """)

  @Argument(help: "The survey file (.csv, .tsv, .xlsx, .jsonl).")
  var survey: String

  @OptionGroup var columns: SurveyColumnOptions

  @Flag(name: .long, help: "Print the report as JSON.")
  var json = false

  func run() throws {
    Output.installPipeHandling()
    let options = try columns.makeSurveyOptions()
    let report: ReadingReport
    do {
      let registry = try MunicipalityRegistry.load()
      let reader = try SurveyReader(path: survey, options: options, registry: registry)
      while try reader.next() != nil {}
      report = reader.report
    } catch {
      Output.err("\(error.description)\n")
      throw ExitCode(2)
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let data = (try? encoder.encode(report)) ?? Data()
      Output.out(String(decoding: data, as: UTF8.self) + "\n")
    } else {
      Output.out(Self.render(report))
    }
  }

  /// Plain aligned text.
  static func render(_ r: ReadingReport) -> String {
    var out = ""
    func row(_ label: String, _ value: String, indent: Int = 0, width: Int = 22) {
      let l = String(repeating: " ", count: indent) + label
      out += l.padding(toLength: max(width, l.count + 1), withPad: " ", startingAt: 0) + value + "\n"
    }
    func num(_ n: Int) -> String { String(n) }
    row("file", r.file)
    row("format", r.format + (r.sheet.map { " (sheet '\($0)')" } ?? ""))
    row("encoding", r.encoding)
    row("delimiter", r.delimiter)
    row("columns", [
      r.idColumn.map { "id '\($0)'" }, r.municipalityColumn.map { "municipality '\($0)'" },
      r.populationColumn.map { "population '\($0)'" },
      r.groupColumns.isEmpty ? nil : "groups " + r.groupColumns.map { "'\($0)'" }.joined(separator: ", "),
    ].compactMap { $0 }.joined(separator: "; ").ifEmpty("(no id or municipality column)"))
    row("rows", num(r.rows))
    row("respondents", num(r.respondents))
    out += "\nrespondents per size band\n"
    let bandWidth = max(22, (r.respondentsByBand.map { $0.band.label.count }.max() ?? 0) + 4)
    for b in r.respondentsByBand { row(b.band.label, num(b.count).leftPad(6), indent: 2, width: bandWidth) }
    out += "\nquestions\n"
    let qWidth = min(60, max(22, (r.questions.map(\.count).max() ?? 0) + 4))
    out += "  " + "question".padding(toLength: qWidth - 2, withPad: " ", startingAt: 0)
      + "answers".leftPad(8) + "non-answers".leftPad(13) + "\n"
    for (a, n) in zip(r.answersByQuestion, r.nonAnswersByQuestion) {
      var q = a.question.replacingOccurrences(of: "\n", with: " ")
      if q.count > qWidth - 3 { q = String(q.prefix(qWidth - 4)) + "…" }
      out += "  " + q.padding(toLength: qWidth - 2, withPad: " ", startingAt: 0)
        + num(a.count).leftPad(8) + num(n.count).leftPad(13) + "\n"
    }
    out += "\nrejected rows: \(r.rejectedRows)\n"
    for j in r.rejected { out += "  \(j.description)\n" }
    if !r.notes.isEmpty {
      out += "\nnotes\n"
      for n in r.notes { out += "  - \(n)\n" }
    }
    out += "\n\(r.rows) rows = \(r.rowsWithAnswers) with answers + \(r.rowsOnlyNonAnswers) only non-answers"
      + " + \(r.rejectedRows) rejected" + (r.reconciles ? " (adds up)" : " (DOES NOT ADD UP)") + "\n"
    return out
  }
}

extension String {
  fileprivate func leftPad(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
  fileprivate func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
}
