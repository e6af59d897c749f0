import ArgumentParser
import Foundation
import FritekstAnalysis
import FritekstCodebook
import FritekstReport
import FritekstSurvey
import FritekstText

/// `fritekst report`: codes a survey (same inputs as `code`) and writes one self-contained HTML
/// report. It codes again rather than reading an out folder: coded.jsonl does not carry the
/// tally's bands and denominators or the quote selection, and re-reading it would be a second
/// parser of our own output; coding is fast (seconds) and deterministic, so the report and the
/// folder agree when they are made from the same inputs.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Code a survey and write one self-contained HTML report (charts, tally, quotes).",
    discussion: """
      The file has no external resources: inline CSS and SVG, a few lines of inline script for \
      the filter box. Quotes are redacted (municipality and district names, fødselsnumre, phone \
      numbers, e-mail addresses) unless --no-redact is given.
      """)

  @Argument(help: "Survey file (CSV, XLSX or JSONL).")
  var survey: String

  @Option(name: .long, help: "Codebook YAML file (repeatable).")
  var codebook: [String]

  @OptionGroup var columns: SurveyColumnOptions

  @OptionGroup var quoting: QuoteOptions

  @Option(name: [.short, .customLong("output")], help: "HTML file to write (default: <survey>-<codebook ids>.html).")
  var output: String?

  func validate() throws {
    if codebook.isEmpty { throw ValidationError("give at least one --codebook") }
  }

  func run() throws {
    Output.installPipeHandling()
    do {
      let run = try InMemoryRun.code(
        survey: survey, codebooks: codebook, columns: columns, quoting: quoting)
      let path = output ?? "\(URL(fileURLWithPath: survey).deletingPathExtension().lastPathComponent)-\(run.compiled.map(\.codebook.id).joined(separator: "+")).html"
      try writeAtomically(Array(HTMLReport.render(run.export).utf8), to: path, inputs: [survey] + codebook)
      Output.out("wrote \(path)\n")
    } catch let e as CLIError {
      Output.err("\(e.description)\n")
      throw ExitCode(e.code)
    }
  }
}

/// Redacts the selected quotes of every code; returns them with the counts per kind (each quote
/// counted once).
func redactedQuotes(
  codes: [Tally.CodeInfo], quotes: (String) -> [Quote], redactor: Redactor?
) -> (quotes: [String: [Quote]], counts: [(String, Int)]) {
  var out: [String: [Quote]] = [:]
  var counts: [Redactor.Kind: Int] = [:]
  for code in codes {
    out[code.id] = quotes(code.id).map { q in
      guard let redactor else { return q }
      let (rq, r) = redactor.redact(q)
      for e in r.edits { counts[e.kind, default: 0] += 1 }
      return rq
    }
  }
  guard redactor != nil else { return (out, []) }
  return (out, Redactor.Kind.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
}

/// A whole survey coded in memory (for the report and the REFI-QDA project).
struct InMemoryRun {
  let compiled: [CompiledCodebook]
  let export: ExportRun

  static func code(
    survey: String, codebooks: [String], columns: SurveyColumnOptions, quoting: QuoteOptions
  ) throws -> InMemoryRun {
    let inputs = try RunInputs.open(survey: survey, codebooks: codebooks, columns: columns)
    let coder: Coder
    do { coder = try Coder(codebooks: inputs.compiled) } catch { throw CLIError("error: \(error)") }
    let group = columns.groupColumn.first
    var run = inputs.accumulator(groupColumn: group, quoting: quoting)
    var records: [SurveyRecord] = []
    do { while let r = try inputs.reader.next() { records.append(r) } } catch { throw CLIError("\(error)") }
    var answers: [CodedAnswer] = []
    for record in coder.code(records) {
      run.add(record)
      answers += record.answers
    }
    try inputs.finish(&run)
    let redactor = quoting.redact ? Redactor(names: inputs.reader.registry.names) : nil
    let shown = redactedQuotes(codes: run.tally.codes, quotes: { run.quotes(for: $0) }, redactor: redactor)
    let summary = try inputs.summary(run, groupColumn: group, extra: quoting.summaryOptions, redactions: shown.counts)
    return InMemoryRun(
      compiled: inputs.compiled,
      export: ExportRun(
        title: inputs.title, tally: run.tally, answers: answers, quotes: shown.quotes, answersPerCode: run.answersPerCode,
        summary: summary, redactor: redactor))
  }
}
