import ArgumentParser
import Foundation
import FritekstAnalysis
import FritekstCodebook
import FritekstReport
import FritekstSurvey

struct AgreeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agree",
    abstract: "Compare Fritekst's coding with a manual coding, or two manual codings with each other.",
    discussion: """
      fritekst agree --manual M.csv --codebook CB.yaml SURVEY [column flags]
      fritekst agree --manual A.csv --manual B.csv [--codebook CB.yaml] [SURVEY]

      Manual files: CSV (',' ';' or tab, detected from the header) or JSONL. Id column/field: \
      id, answer_id, respondent_id, respondent or svar_id. Either one row per id with a list in \
      'codes' (separated by '|', ';' or ',' — put the list in quotes when it contains the file's \
      delimiter), or one row per id and code in 'code'. Ids are answer ids as in coded.jsonl \
      (<respondent>/<question>) or, when the survey has one text column, respondent ids; they \
      are matched exactly after trimming. Duplicates, unknown code ids and malformed rows are \
      reported as file:line. A JSONL survey with a 'text' field (Corpora/is248-published-\
      answers.jsonl) is read with --id-column id --text-column text (the default for JSONL with \
      a 'text' field when no --text-column is given).

      Only the ids in the manual file are compared; other survey answers are counted in a note. \
      Manual ids missing from the survey (or from the other manual file) are listed. With two \
      manual files the second is the reference (B); a survey, if given, supplies answer texts.

      TP = both assign the code, FP = only A (Fritekst / first file), FN = only B (reference), \
      TN = neither. precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2PR/(P+R) (0 when P = R = \
      0), prevalence = (TP+FN)/N, Cohen's kappa = (po − pe)/(1 − pe), po = (TP+TN)/N, pe = \
      (a1·b1 + a0·b0)/N² from each side's marginals. A zero denominator makes a metric undefined: \
      printed "–", empty in CSV, null in JSON. Kappa is undefined when pe = 1 (both sides make \
      the same constant decision: neither assigns the code, or both assign it to every answer) and \
      0 when one side assigns the code to every answer or to none and the other does not make \
      the same decision. micro = the formulas on counts summed over codes; macro = the mean over \
      the codes where the metric is defined (k = how many). Codes evaluated: codes with rules of \
      their own or used in a manual file; --roll-up adds parent codes and counts a child's code \
      for its ancestors on both sides.
      """)

  @Option(name: .long, help: "Manual coding file (CSV or JSONL); give it twice for inter-coder agreement.")
  var manual: [String] = []

  @Option(name: .long, help: "Codebook YAML (required with one --manual; optional with two: checks code ids).")
  var codebook: [String] = []

  @Argument(help: "Survey file (CSV, XLSX or JSONL); required with one --manual.")
  var survey: String?

  @OptionGroup var columns: SurveyColumnOptions

  @Flag(name: .long, help: "Also evaluate parent codes, counting each assigned code for its ancestors.")
  var rollUp = false

  @Option(name: .long, help: "Write the per-code table as CSV.")
  var csv: String?

  @Option(name: .long, help: "Write the whole report (tables, disagreements, problems) as JSON.")
  var json: String?

  @Option(name: .long, help: "Write the Markdown report to a file instead of standard output.")
  var markdown: String?

  @Option(name: .long, help: "CSV delimiter for --csv: ',' or ';'.")
  var csvDelimiter: String = ","

  func validate() throws {
    switch manual.count {
    case 1:
      if codebook.count != 1 { throw ValidationError("with one --manual, give exactly one --codebook") }
      if survey == nil { throw ValidationError("with one --manual, give the SURVEY to code") }
    case 2:
      if codebook.count > 1 { throw ValidationError("give at most one --codebook") }
    default: throw ValidationError("give --manual once (with --codebook and SURVEY) or twice")
    }
    if csvDelimiter != "," && csvDelimiter != ";" { throw ValidationError("--csv-delimiter must be ',' or ';'") }
  }

  func run() throws {
    Output.installPipeHandling()
    do { try runAgree() } catch let e as CLIError {
      Output.err("\(e.description)\n")
      throw ExitCode(e.code)
    }
  }

  private func runAgree() throws {
    let inputs = manual + codebook + (survey.map { [$0] } ?? [])
    for out in [csv, json, markdown].compactMap({ $0 }) { try refuseOverwrite(out, inputs: inputs) }
    let compiled = try codebook.first.map(loadCompiled)
    let known = compiled.map { Set($0.codebook.codes.map(\.id)) }
    let manuals: [ManualCoding]
    do { manuals = try manual.map { try ManualCoding.load(path: $0, knownCodes: known) } } catch let e as ManualCoding.Failure {
      throw CLIError(e.description)
    }
    var report: AgreementReport
    let title: String
    if manuals.count == 1, let compiled, let survey {
      let coded = try codeSurvey(survey, compiled: [compiled], columns: columns)
      report = try CodebookAgreement.evaluate(
        answers: coded.answers, singleQuestion: coded.singleQuestion, manual: manuals[0], compiled: compiled, rollUp: rollUp,
        surveyName: survey)
      report.notes += coded.notes
      title = "Agreement: \(compiled.codebook.id) vs \(manuals[0].path)"
    } else {
      var texts: [String: String] = [:]
      if let survey {
        let coded = try codeSurvey(survey, compiled: [], columns: columns)
        for a in coded.answers {
          texts[a.answerID] = a.text
          if coded.singleQuestion { texts[a.respondent.id] = a.text }
        }
      }
      report = AgreementReport.compare(manuals[0], manuals[1], codebook: compiled?.codebook, rollUp: rollUp, text: { texts[$0] })
      title = "Inter-coder agreement: \(manuals[0].path) vs \(manuals[1].path)"
    }
    for i in report.issues { Output.err("\(i)\n") }
    let md = AgreementPrinter.markdown(report, title: title)
    if let markdown { try writeAtomically(markdown, md) } else { Output.out(md) }
    if let csv { try writeAtomically(csv, AgreementPrinter.csv(report, format: CSVFormat(delimiter: csvDelimiter.first!))) }
    if let json { try writeAtomically(json, AgreementPrinter.json(report).pretty) }
  }
}

/// A survey coded in memory: every answer (non-answers included) in file order.
struct CodedSurvey {
  var answers: [CodedAnswer]
  var singleQuestion: Bool
  var notes: [String]
  var bands: [SizeBand]
  var records: [CodedRecord]
}

/// A survey read into memory.
struct ReadSurvey {
  var records: [SurveyRecord]
  var singleQuestion: Bool
  var notes: [String]
  var bands: [SizeBand]
}

/// Reads a whole survey. A JSONL survey with a `text` field and no `--text-column` is read with
/// `text` as its one text column.
func readSurvey(_ path: String, columns: SurveyColumnOptions) throws -> ReadSurvey {
  var options = try columns.makeSurveyOptions()
  let registry: MunicipalityRegistry
  var reader: SurveyReader
  do {
    registry = try MunicipalityRegistry.load()
    reader = try SurveyReader(path: path, options: options, registry: registry)
    if columns.textColumn.isEmpty, reader.report.format == "JSONL", reader.header.contains("text"), reader.mapping.text.map(\.name) != ["text"] {
      options.textColumns = ["text"]
      reader = try SurveyReader(path: path, options: options, registry: registry)
    }
  } catch { throw CLIError("\(error)") }
  let records: [SurveyRecord]
  do { records = try reader.readAll() } catch { throw CLIError("\(error)") }
  var notes: [String] = []
  let report = reader.report
  if report.rejectedRows > 0 {
    notes.append("\(report.rejectedRows) survey row(s) rejected: " + report.rejected.prefix(5).map(\.description).joined(separator: "; "))
  }
  return ReadSurvey(records: records, singleQuestion: reader.mapping.text.count == 1, notes: notes, bands: options.bands.all + [options.bands.everyone])
}

/// Reads and codes a whole survey.
func codeSurvey(_ path: String, compiled: [CompiledCodebook], columns: SurveyColumnOptions) throws -> CodedSurvey {
  let survey = try readSurvey(path, columns: columns)
  let coded = try Coder(codebooks: compiled).code(survey.records)
  return CodedSurvey(answers: coded.flatMap(\.answers), singleQuestion: survey.singleQuestion, notes: survey.notes, bands: survey.bands, records: coded)
}

/// Refuses an output path that is one of the inputs.
func refuseOverwrite(_ out: String, inputs: [String]) throws {
  let o = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath().path
  for i in inputs where URL(fileURLWithPath: i).standardizedFileURL.resolvingSymlinksInPath().path == o {
    throw CLIError("\(out): error: would overwrite the input \(i)")
  }
}
