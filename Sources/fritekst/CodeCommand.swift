import ArgumentParser
import Foundation
import FritekstAnalysis
import FritekstCodebook
import FritekstReport
import FritekstSurvey
import FritekstText

typealias FritekstTextSHA = FritekstText.SHA256

struct CodeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "code",
    abstract: "Code a survey with codebooks: coded answers, tallies by size band, quotes, summary.",
    discussion: """
      Writes into --out (default: <survey>-<codebook ids> in the current folder): coded.jsonl, \
      coded.csv, tally.csv, tally.md, quotes.md, quotes.csv, summary.json. The folder is written \
      atomically and an existing one is replaced only with --force. Same inputs give \
      byte-identical files.

      Quote selection (--quotes N): per code, quotes are spread over the size bands (round robin \
      in band order); within a band the shortest quote comes first, ties broken by answer id. \
      With --seed S the choice within each band is a seeded random one instead. --quotes all \
      lists every answer that carries the code.
      """)

  @Argument(help: "Survey file (CSV, XLSX or JSONL).")
  var survey: String

  @Option(name: .long, help: "Codebook YAML file (repeatable).")
  var codebook: [String]

  @OptionGroup var columns: SurveyColumnOptions

  @OptionGroup var quoting: QuoteOptions

  @Option(name: .long, help: "Output folder.")
  var out: String?

  @Flag(name: .long, help: "Replace an existing output folder.")
  var force = false

  @Option(name: .long, help: "CSV delimiter for coded.csv, tally.csv, quotes.csv: ',' or ';' (Norwegian Excel).")
  var csvDelimiter: String = ","

  @Option(name: .long, help: "Worker threads (default: all cores).")
  var threads: Int?

  @Flag(name: .long, help: "Also write fritekst.xlsx (sheets: Tally, Sitater, Kodede svar, Ukodede svar, Sammendrag).")
  var xlsx = false

  @Flag(name: .long, help: "No progress line on stderr.")
  var quiet = false

  func validate() throws {
    if codebook.isEmpty { throw ValidationError("give at least one --codebook") }
    if csvDelimiter != "," && csvDelimiter != ";" { throw ValidationError("--csv-delimiter must be ',' or ';'") }
  }

  func run() throws {
    Output.installPipeHandling()
    do { try runCoding() } catch let e as CLIError {
      Output.err("\(e.description)\n")
      throw ExitCode(e.code)
    }
  }

  private func runCoding() throws {
    let started = Date()
    let inputs = try RunInputs.open(survey: survey, codebooks: codebook, columns: columns)
    let stem = URL(fileURLWithPath: survey).deletingPathExtension().lastPathComponent
    let outPath = out ?? "\(stem)-\(inputs.compiled.map(\.codebook.id).joined(separator: "+"))"
    let folder = try OutputFolder(outPath, force: force, inputs: [survey] + codebook)
    do {
      try code(inputs, folder: folder, started: started)
    } catch {
      folder.abandon()
      if let e = error as? CLIError { throw e }
      throw CLIError("\(survey): error: \(error)")
    }
  }

  private func code(_ inputs: RunInputs, folder: OutputFolder, started: Date) throws {
    let format = CSVFormat(delimiter: csvDelimiter.first!)
    let coder = try Coder(codebooks: inputs.compiled, threads: threads)
    var run = inputs.accumulator(groupColumn: columns.groupColumn.first, quoting: quoting)
    var allAnswers: [CodedAnswer] = []  // only kept for --xlsx
    let progress = Progress(enabled: !quiet && isatty(2) == 1, started: started)
    try folder.append("coded.csv", format.row(CodedPrinter.csvHeader))

    func code(_ batch: [SurveyRecord], fraction: Double?) throws {
      let records = coder.code(batch)
      // Formatting is pure and per answer: do it on all cores too, then write in input order.
      let answers = records.flatMap(\.answers)
      let lines = formatInParallel(answers, threads: threads) { (CodedPrinter.jsonLine($0), CodedPrinter.csvRow($0, format: format)) }
      for record in records { run.add(record) }
      var jsonl = ""
      var csv = ""
      for (a, line) in zip(answers, lines) {
        if xlsx { allAnswers.append(a) }
        jsonl += line.0
        csv += line.1
      }
      try folder.append("coded.jsonl", jsonl)
      try folder.append("coded.csv", csv)
      progress.update(answers: run.counts.coded + run.counts.uncoded, fraction: fraction)
    }
    // Reading and parsing run on their own thread, one batch ahead of coding.
    let channel = BatchChannel.reading(inputs.reader, answers: 4096)
    loop: while true {
      switch channel.take() {
      case .batch(let batch, let fraction):
        do { try code(batch, fraction: fraction) } catch {
          channel.cancel()
          throw error
        }
      case .end: break loop
      case .failure(let error): throw CLIError("\(error)")
      }
    }
    progress.finish()

    try inputs.finish(&run)
    let report = inputs.reader.report
    let tally = run.tally
    let counts = run.counts
    let title = inputs.title
    let redactor: Redactor? = quoting.redact ? Redactor(names: inputs.reader.registry.names) : nil
    let shown = redactedQuotes(codes: tally.codes, quotes: { run.quotes(for: $0) }, redactor: redactor)
    try folder.write("tally.csv", TallyPrinter.csv(tally, format: format))
    try folder.write("tally.md", TallyPrinter.markdown(tally, title: title))
    try folder.write(
      "quotes.md",
      QuotePrinter.markdown(
        codes: tally.codes, quotes: { shown.quotes[$0] ?? [] }, total: { run.answersPerCode[$0] ?? 0 },
        title: "Sitater — \(title)"))
    var quotesCSV = format.row(QuotePrinter.csvHeader)
    for code in tally.codes {
      quotesCSV += QuotePrinter.csvRows(code: code, quotes: shown.quotes[code.id] ?? [], format: format)
    }
    try folder.write("quotes.csv", quotesCSV)
    let summary = try inputs.summary(
      run, groupColumn: columns.groupColumn.first, extra: [("csv_delimiter", csvDelimiter)] + quoting.summaryOptions,
      redactions: shown.counts)
    try folder.write("summary.json", SummaryPrinter.json(summary))
    if xlsx {
      let run = ExportRun(title: title, tally: tally, answers: allAnswers, quotes: shown.quotes, answersPerCode: run.answersPerCode, summary: summary, redactor: redactor)
      try Data(WorkbookExport.data(run)).write(to: folder.staging.appendingPathComponent("fritekst.xlsx"))
    }
    try folder.commit()

    var out = ""
    for q in tally.questions { out += TallyPrinter.terminal(tally, question: q) + "\n" }
    out += "\(report.rows) rows: \(counts.answers) answers (\(counts.coded) coded, \(counts.uncoded) uncoded), "
    out += "\(counts.nonAnswers) non-answers, \(report.rejectedRows) rejected rows\n"
    for r in report.rejected { out += "  rejected: \(r)\n" }
    out += "wrote \(folder.destination.path)/ (coded.jsonl, coded.csv, tally.csv, tally.md, quotes.md, quotes.csv, summary.json\(xlsx ? ", fritekst.xlsx" : ""))\n"
    Output.out(out)
  }
}

/// A one-line progress report on stderr, shown only on a terminal and only after a second.
final class Progress {
  let enabled: Bool
  let started: Date
  private var shown = false

  init(enabled: Bool, started: Date) {
    self.enabled = enabled
    self.started = started
  }

  func update(answers: Int, fraction: Double?) {
    guard enabled else { return }
    let elapsed = Date().timeIntervalSince(started)
    guard elapsed > 1 else { return }
    shown = true
    let rate = Int(Double(answers) / max(elapsed, 0.001))
    var line = "\r"
    if let f = fraction {
      let filled = Int((f * 30).rounded(.down))
      line += "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: 30 - filled) + "] "
      line += formatPercent(f) + " "
    }
    Output.err(line + "\(answers) answers coded, \(rate)/s ")
  }

  private func formatPercent(_ f: Double) -> String { "\(Int((f * 100).rounded(.down))) %" }

  func finish() {
    if shown { Output.err("\r\u{1B}[K") }
  }
}

/// Applies `body` to every element on all cores (or `threads`), keeping the order.
func formatInParallel<T, R>(_ items: [T], threads: Int?, _ body: @escaping @Sendable (T) -> R) -> [R] {
  let n = items.count
  guard n > 0 else { return [] }
  let workers = min(max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount), n)
  var out = [R?](repeating: nil, count: n)
  out.withUnsafeMutableBufferPointer { buffer in
    let shared = UnsafeSendableBuffer(buffer)
    items.withUnsafeBufferPointer { input in
      let source = UnsafeSendableInput(input)
      DispatchQueue.concurrentPerform(iterations: workers) { w in
        var i = w
        while i < n {
          shared.buffer[i] = body(source.buffer[i])
          i += workers
        }
      }
    }
  }
  return out.map { $0! }
}

struct UnsafeSendableBuffer<T>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<T>
  init(_ b: UnsafeMutableBufferPointer<T>) { buffer = b }
}

struct UnsafeSendableInput<T>: @unchecked Sendable {
  let buffer: UnsafeBufferPointer<T>
  init(_ b: UnsafeBufferPointer<T>) { buffer = b }
}
