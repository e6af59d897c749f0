import Foundation
import FritekstTestSupport
@testable import FritekstSurvey

let registry: MunicipalityRegistry = try! MunicipalityRegistry.load()

func fixture(_ name: String) -> String {
  packageRoot().appendingPathComponent("Tests/FritekstSurveyTests/Fixtures/\(name)").path
}

/// Reads a whole fixture; returns records and the final report.
func read(_ name: String, _ options: SurveyOptions = SurveyOptions()) throws -> ([SurveyRecord], ReadingReport) {
  let reader = try SurveyReader(path: fixture(name), options: options, registry: registry)
  let records = try reader.readAll()
  return (records, reader.report)
}

/// A format-independent view of a record, for comparing readers.
struct Flat: Hashable, CustomStringConvertible {
  let id: String
  let municipality: String?
  let band: String
  let answers: [String]
  let nonAnswers: [String]

  init(_ r: SurveyRecord) {
    id = r.respondent.id
    municipality = r.respondent.municipalityNumber
    band = r.respondent.band.label
    answers = r.answers.map { "\($0.question)=\($0.text)" }
    nonAnswers = r.nonAnswers.map { "\($0.question)=\($0.text)" }
  }

  var description: String { "\(id) \(band) \(answers) \(nonAnswers)" }
}
