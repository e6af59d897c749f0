import ArgumentParser
import Foundation
import FritekstAnalysis
import FritekstCodebook
import FritekstReport

struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show which answers gain or lose which codes between two versions of a codebook.",
    discussion: """
      fritekst diff --codebook OLD.yaml --codebook NEW.yaml SURVEY [column flags]

      The survey is read once and coded with each version separately, so the two may share code \
      ids. For every answer whose code set changes: + gained (with the new version's rule and \
      matched words) or − lost (with the old version's rule and words). Then every tally cell \
      (question × code × size band, and the total) whose count changes, as old n/N → new n/N \
      (respondents with the code / respondents who answered), including the uncoded row.
      """)

  @Argument(help: "Survey file (CSV, XLSX or JSONL).")
  var survey: String

  @Option(name: .long, help: "Codebook YAML: give it twice, old version first.")
  var codebook: [String] = []

  @OptionGroup var columns: SurveyColumnOptions

  @Option(name: .long, help: "Write the report to a file instead of standard output.")
  var markdown: String?

  func validate() throws {
    if codebook.count != 2 { throw ValidationError("give --codebook twice: the old version, then the new one") }
  }

  func run() throws {
    Output.installPipeHandling()
    do {
      if let markdown { try refuseOverwrite(markdown, inputs: [survey] + codebook) }
      let old = try loadCompiled(codebook[0])
      let new = try loadCompiled(codebook[1])
      let survey = try readSurvey(self.survey, columns: columns)
      let oldCoded = try Coder(codebooks: [old]).code(survey.records)
      let newCoded = try Coder(codebooks: [new]).code(survey.records)
      let diff = CodebookDiff.compare(old: oldCoded, new: newCoded, oldCodebook: old.codebook, newCodebook: new.codebook, bands: survey.bands)
      var out = DiffPrinter.markdown(diff, old: codebook[0], new: codebook[1])
      for n in survey.notes { out += "\nnote: \(n)\n" }
      if let markdown { try writeAtomically(markdown, out) } else { Output.out(out) }
    } catch let e as CLIError {
      Output.err("\(e.description)\n")
      throw ExitCode(e.code)
    }
  }
}
