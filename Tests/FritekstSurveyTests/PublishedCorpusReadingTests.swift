import Foundation
import FritekstTestSupport
import Testing

@testable import FritekstSurvey

/// `fritekst agree` reads the published corpus as a survey: JSONL, `id` as respondent id, `text`
/// as the one text column, so manual ids (corpus ids) match respondent ids.
struct PublishedCorpusReadingTests {
  @Test func corpusJSONLWithIDAndText() throws {
    let path = packageRoot().appendingPathComponent("Corpora/is248-published-answers.jsonl").path
    let reader = try SurveyReader(
      path: path, options: SurveyOptions(idColumn: "id", textColumns: ["text"]), registry: MunicipalityRegistry.load())
    let records = try reader.readAll()
    #expect(reader.mapping.text.map(\.name) == ["text"])
    #expect(records.count == 781)
    #expect(records.first?.respondent.id == "s000-L498")
    #expect(records.first?.answers.first?.answerID == "s000-L498/text")
    #expect(Set(records.map(\.respondent.id)).count == 781)
    #expect(reader.report.rejectedRows == 0)
  }
}
