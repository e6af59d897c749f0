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
    "\(error)".contains("bad.xlsx") && "\(error)".contains("invalid XML in xl/sharedStrings.xml: the part ends before </sst> (truncated)")
  }
}

/// A sheet whose XML is cut off mid-way is an error naming the row after the last complete one,
/// not a survey with the remaining rows silently missing.
@Test func truncatedSheetIsAnError() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fritekst-xlsx-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir.appendingPathComponent("xl/worksheets"), withIntermediateDirectories: true)
  let bad = dir.appendingPathComponent("cut.xlsx")
  try FileManager.default.copyItem(atPath: fixture("same-data.xlsx"), toPath: bad.path)
  // Take the real sheet and cut it after its second </row>.
  let unzip = Process()
  unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
  unzip.arguments = ["-q", "-o", bad.path, "xl/worksheets/sheet1.xml", "-d", dir.path]
  try unzip.run()
  unzip.waitUntilExit()
  let sheetURL = dir.appendingPathComponent("xl/worksheets/sheet1.xml")
  let xml = try String(contentsOf: sheetURL, encoding: .utf8)
  let rows = xml.components(separatedBy: "</row>")
  try #require(rows.count > 3)
  try (rows[0] + "</row>" + rows[1] + "</row>").write(to: sheetURL, atomically: true, encoding: .utf8)
  let zip = Process()
  zip.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
  zip.arguments = ["-q", bad.path, "xl/worksheets/sheet1.xml"]
  zip.currentDirectoryURL = dir
  try zip.run()
  zip.waitUntilExit()
  #expect {
    let reader = try SurveyReader(path: bad.path, options: SurveyOptions(), registry: try MunicipalityRegistry.load())
    while try reader.next() != nil {}
  } throws: { error in
    // XMLParser usually notices the early end; when it does not, the </sheetData> check does.
    "\(error)".contains("cut.xlsx:3:1: error: invalid sheet")
      && ("\(error)".contains("the XML ends too early") || "\(error)".contains("ends before </sheetData> after row 2"))
  }
}
