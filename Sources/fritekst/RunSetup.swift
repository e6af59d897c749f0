import Foundation
import FritekstAnalysis
import FritekstCodebook
import FritekstSurvey
import FritekstText

/// The inputs of a coding run, opened and checked once for `code`, `report` and `export qdpx`.
struct RunInputs {
  let survey: String
  let compiled: [CompiledCodebook]
  let options: SurveyOptions
  let reader: SurveyReader

  /// Loads and compiles the codebooks (code ids must be unique across them) and opens the survey.
  static func open(survey: String, codebooks: [String], columns: SurveyColumnOptions) throws -> RunInputs {
    let compiled = try codebooks.map(loadCompiled)
    var seen: [String: String] = [:]
    for cb in compiled {
      for c in cb.codebook.codes {
        if let other = seen[c.id] {
          throw CLIError("error: code id '\(c.id)' is in both \(other) and \(cb.codebook.path); code ids must be unique across codebooks")
        }
        seen[c.id] = cb.codebook.path
      }
    }
    let options = try columns.makeSurveyOptions()
    do {
      let reader = try SurveyReader(path: survey, options: options, registry: try MunicipalityRegistry.load())
      return RunInputs(survey: survey, compiled: compiled, options: options, reader: reader)
    } catch { throw CLIError("\(error)") }
  }

  /// An accumulator with every band (plus "alle") and the run's quote settings.
  func accumulator(groupColumn: String?, quoting: QuoteOptions) -> RunAccumulator {
    RunAccumulator(
      codebooks: compiled.map(\.codebook), bands: options.bands.all + [options.bands.everyone], groupColumn: groupColumn,
      quoteUnit: quoting.unit, selection: quoting.selection)
  }

  /// Finishes the counts from the reading report, which must reconcile.
  func finish(_ run: inout RunAccumulator) throws {
    let report = reader.report
    if !report.reconciles {
      throw CLIError("\(survey): error: internal: rows do not reconcile (\(report.rows) rows)")
    }
    run.finish(report)
  }

  var title: String { compiled.map(\.codebook.title).joined(separator: " + ") }

  /// The run summary: fingerprints, options (columns first, then `extra`), counts, redactions.
  func summary(_ run: RunAccumulator, groupColumn: String?, extra: [(String, String)], redactions: [(String, Int)]) throws -> RunSummary {
    let fp = try fingerprint(of: survey)
    let opts: [(String, String)] = [
      ("text_columns", reader.mapping.text.map(\.name).joined(separator: "|")),
      ("municipality_column", reader.mapping.municipality?.name ?? ""),
      ("id_column", reader.mapping.id?.name ?? ""),
      ("group_column", groupColumn ?? ""),
    ] + extra
    return RunSummary(
      fritekstVersion: fritekstVersion, icuVersion: icuVersion,
      input: .init(path: survey, sha256: fp.sha256, bytes: fp.bytes),
      codebooks: compiled.map {
        .init(id: $0.codebook.id, title: $0.codebook.title, version: $0.codebook.version, path: $0.codebook.path, sha256: $0.codebook.fingerprint)
      },
      options: opts, counts: run.counts, report: reader.report, answersPerCode: run.answersPerCodeInOrder,
      redactions: redactions)
  }
}
