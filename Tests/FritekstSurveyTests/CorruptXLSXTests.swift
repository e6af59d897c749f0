import Foundation
import FritekstSurvey
import Testing

/// A workbook whose shared-strings part is not well-formed XML is an error naming the part,
/// never a sheet read with some strings missing.
@Test func corruptSharedStringsIsAnError() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fritekst-xlsx-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir.appendingPathComponent("xl"), withIntermediateDirectories: true)
  let bad = dir.appendingPathComponent("bad.xlsx")
  try FileManager.default.copyItem(atPath: fixture("same-data.xlsx"), toPath: bad.path)
  try "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>Psykolog".write(
    to: dir.appendingPathComponent("xl/sharedStrings.xml"), atomically: true, encoding: .utf8)
  let zip = Process()
  zip.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
  zip.arguments = ["-q", bad.path, "xl/sharedStrings.xml"]
  zip.currentDirectoryURL = dir
  try zip.run()
  zip.waitUntilExit()
  try #require(zip.terminationStatus == 0)
  #expect {
    _ = try SurveyReader(path: bad.path, options: SurveyOptions(), registry: try MunicipalityRegistry.load())
  } throws: { error in
    "\(error)".contains("bad.xlsx:1:1: error") && "\(error)".contains("xl/sharedStrings.xml has only")
  }
}
