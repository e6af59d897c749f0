import ArgumentParser
import Foundation
import FritekstAnalysis
import FritekstReport

struct UncodedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "uncoded",
    abstract: "List answers no code caught, and terms frequent in them: candidates for new rules.",
    discussion: """
      Terms are the ICU tokenizer's normalised words and two- and three-word phrases within a \
      sentence (numbers break phrases). Stop words (Bokmål and Nynorsk Snowball lists) are dropped \
      as single words and may not start or end a phrase. u and c count uncoded and coded answers \
      containing the term; score = log2(((u + 0.5)/(U + 1)) / ((c + 0.5)/(C + 1))) with U, C the \
      numbers of uncoded and coded answers. Terms with u ≥ --min-count and score > 0 are listed \
      by score, then u, then term, each with up to two uncoded examples (keyword in context). \
      Non-answers are not counted.
      """)

  @Argument(help: "Survey file (CSV, XLSX or JSONL).")
  var survey: String

  @Option(name: .long, help: "Codebook YAML file (repeatable).")
  var codebook: [String] = []

  @OptionGroup var columns: SurveyColumnOptions

  @Option(name: .long, help: "Least number of uncoded answers a term must occur in.")
  var minCount = 2

  @Option(name: .long, help: "Most terms to list.")
  var limit = 40

  @Flag(name: .long, help: "Only the terms, not the list of uncoded answers.")
  var termsOnly = false

  @Option(name: .long, help: "Write the terms as CSV.")
  var csv: String?

  @Option(name: .long, help: "CSV delimiter for --csv: ',' or ';'.")
  var csvDelimiter: String = ","

  func validate() throws {
    if codebook.isEmpty { throw ValidationError("give at least one --codebook") }
    if minCount < 1 { throw ValidationError("--min-count must be at least 1") }
    if limit < 0 { throw ValidationError("--limit must not be negative") }
    if csvDelimiter != "," && csvDelimiter != ";" { throw ValidationError("--csv-delimiter must be ',' or ';'") }
  }

  func run() throws {
    Output.installPipeHandling()
    do {
      if let csv { try refuseOverwrite(csv, inputs: [survey] + codebook) }
      let compiled = try codebook.map(loadCompiled)
      let coded = try codeSurvey(survey, compiled: compiled, columns: columns)
      var options = UncodedTerms.Options()
      options.minCount = minCount
      options.limit = limit
      var terms = try UncodedTerms(options: options)
      for a in coded.answers { terms.add(a) }
      let candidates = terms.candidates()
      var out = UncodedPrinter.markdown(
        title: "Uncoded answers — \(compiled.map(\.codebook.id).joined(separator: " + ")) on \(survey)",
        uncoded: terms.uncodedAnswers, codedCount: terms.codedCount, candidates: candidates, listAnswers: !termsOnly)
      for n in coded.notes { out += "\nnote: \(n)\n" }
      Output.out(out)
      if let csv { try writeAtomically(csv, UncodedPrinter.csv(candidates, format: CSVFormat(delimiter: csvDelimiter.first!))) }
    } catch let e as CLIError {
      Output.err("\(e.description)\n")
      throw ExitCode(e.code)
    }
  }
}
