import ArgumentParser
import FritekstSurvey

/// The survey-reading flags every command that reads a survey shares (`@OptionGroup`).
struct SurveyColumnOptions: ParsableArguments {
  @Option(name: .long, help: "Column with the respondent id (default: id, respondent, respondent_id, svar_id).")
  var idColumn: String?

  @Option(
    name: .long,
    help: "Column with the municipality or Oslo district number (default: kommunenummer, kommunenr, knr, kommune_nr, komnr, bydelsnummer).")
  var municipalityColumn: String?

  @Option(
    name: .long,
    help: "An open-question column (repeatable). Default: columns of mostly non-numeric text that are not id, municipality, population, group or name columns.")
  var textColumn: [String] = []

  @Option(name: .long, help: "A column to group respondents by (repeatable).")
  var groupColumn: [String] = []

  @Option(
    name: .long,
    help: "Column with the population; overrides the registry (default: innbyggere, folketall, population).")
  var populationColumn: String?

  @Option(name: .long, help: "XLSX: the sheet to read (default: the first).")
  var sheet: String?

  @Option(name: .long, help: "utf-8, utf-16le, utf-16be or windows-1252 (default: detect).")
  var encoding: String?

  @Option(name: .long, help: "CSV delimiter: ',', ';' or 'tab' (default: detect from the header).")
  var delimiter: String?

  @Option(name: .long, help: "A non-answer (repeatable; replaces the default list).")
  var nonAnswer: [String] = []

  @Option(
    name: .long,
    help: "Size band edges, e.g. 2000,5000,10000,20000,50000 (the IS-24/8 default).")
  var bandEdges: String?

  func validate() throws {
    _ = try makeSurveyOptions()
  }

  /// The library's options; throws a `ValidationError` (usage error, exit 64) for bad values.
  func makeSurveyOptions() throws -> SurveyOptions {
    var o = SurveyOptions()
    if let encoding {
      guard let e = TextEncodingChoice(name: encoding) else {
        throw ValidationError("--encoding must be utf-8, utf-16le, utf-16be or windows-1252, not '\(encoding)'")
      }
      o.encoding = e
    }
    if let delimiter {
      switch delimiter.lowercased() {
      case ",", "comma": o.delimiter = ","
      case ";", "semicolon": o.delimiter = ";"
      case "tab", "\\t", "\t": o.delimiter = "\t"
      default:
        guard delimiter.count == 1, let c = delimiter.first, c.isASCII else {
          throw ValidationError("--delimiter must be ',', ';' or 'tab', not '\(delimiter)'")
        }
        o.delimiter = c
      }
    }
    o.sheet = sheet
    o.idColumn = idColumn
    o.municipalityColumn = municipalityColumn
    o.textColumns = textColumn
    o.groupColumns = groupColumn
    o.populationColumn = populationColumn
    if !nonAnswer.isEmpty { o.nonAnswers = nonAnswer }
    if let bandEdges {
      do { o.bands = try SizeBands(parsing: bandEdges) } catch {
        throw ValidationError("--band-edges: \(error.description)")
      }
    }
    return o
  }
}
