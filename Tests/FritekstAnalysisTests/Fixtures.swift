import Foundation
import FritekstAnalysis
import FritekstCodebook
import FritekstSurvey

/// A one-question survey (no municipality column) written to a temporary file and read back.
func records(_ answers: [(String, String)]) throws -> [SurveyRecord] {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fritekst-agree-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  let url = dir.appendingPathComponent("s.csv")
  let csv = "id;svar\n" + answers.map { "\($0.0);\"\($0.1)\"" }.joined(separator: "\n") + "\n"
  try Data(csv.utf8).write(to: url)
  let reader = try SurveyReader(path: url.path, options: SurveyOptions(textColumns: ["svar"]), registry: MunicipalityRegistry.load())
  return try reader.readAll()
}

func compiled(_ codes: String, id: String = "t") -> CompiledCodebook {
  let yaml = """
    id: \(id)
    title: Test
    version: "1"
    language: both
    codes:
    \(codes)
    """
  let r = CodebookLoader.parse(yaml: yaml, path: "\(id).yaml")
  precondition(r.codebook != nil && !r.diagnostics.hasErrors, "\(r.diagnostics)")
  return CompiledCodebook(r.codebook!)
}
