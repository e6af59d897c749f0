import Foundation
import FritekstTestSupport
import Testing

/// End-to-end: every export of a demo run, read back and compared with tally.csv and coded.jsonl.
@Suite struct ExportCLITests {
  let bin = packageRoot().appendingPathComponent(".build/debug/fritekst").path
  let codebook = """
    id: testrek
    title: Testkodebok
    version: 0.1.0
    language: both
    question: Q
    codes:
      - id: yrke
        label: Yrkesgrupper
      - id: yrke.psykolog
        parent: yrke
        label: Psykolog
        rules: [psykolog*]
      - id: yrke.sykepleier
        parent: yrke
        label: Sykepleier
        rules: ["*sykepleier*"]

    """

  func run(_ args: [String]) throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: bin)
    p.arguments = args
    p.currentDirectoryURL = packageRoot()
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    return p.terminationStatus
  }

  /// One entry of a ZIP file, read with `unzip -p` (this target does not link ZIPFoundation).
  func entry(_ zip: String, _ path: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
    p.arguments = ["-p", zip, path]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  func column(_ i: Int) -> String {
    var n = i + 1, s = ""
    while n > 0 { s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s; n = (n - 1) / 26 }
    return s
  }

  @Test func demoRunExportsAgreeWithTallyCSVAndCodedJSONL() throws {
    guard FileManager.default.isExecutableFile(atPath: bin) else {
      Issue.record("build the binary first (swift build)")
      return
    }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fritekst-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let cb = dir.appendingPathComponent("cb.yaml").path
    try codebook.write(toFile: cb, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out").path
    let flags = ["--codebook", cb, "--text-column", "rekruttering"]
    #expect(try run(["code", "Corpora/demo-is248.csv"] + flags + ["--out", out, "--xlsx", "--quiet"]) == 0)
    #expect(try run(["report", "Corpora/demo-is248.csv"] + flags + ["-o", "\(dir.path)/r.html"]) == 0)
    #expect(try run(["export", "qdpx", "Corpora/demo-is248.csv"] + flags + ["-o", "\(dir.path)/p.qdpx"]) == 0)

    // XLSX Tally sheet == tally.csv, cell by cell (percent cells are fractions).
    let tally = try String(contentsOfFile: "\(out)/tally.csv", encoding: .utf8)
      .split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let sheet = try entry("\(out)/fritekst.xlsx", "xl/worksheets/sheet1.xml")
    var checked = 0
    for (i, row) in tally.enumerated() where i > 0 {
      for (j, field) in row.enumerated() where j >= 5 {
        let ref = "\(column(j))\(i + 1)"
        let m = sheet.firstMatch(of: try Regex("<c r=\"\(ref)\"[^>]*><v>([^<]*)</v>"))
        if field.isEmpty { #expect(m == nil); continue }
        let v = Double(String(m!.output[1].substring!))!
        let expected = tally[0][j].hasSuffix(" %") ? Double(field)! / 100 : Double(field)!
        #expect(abs(v - expected) < (tally[0][j].hasSuffix(" %") ? 0.0005 : 1e-9), "\(ref)")
        checked += 1
      }
    }
    #expect(checked > 50)

    // coded.jsonl hits == the .qdpx selections (code point offsets select the same words).
    let jsonl = try String(contentsOfFile: "\(out)/coded.jsonl", encoding: .utf8).split(separator: "\n")
    var expectedHits: [String] = []
    for line in jsonl {
      let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      for h in obj["hits"] as! [[String: Any]] { expectedHits.append(h["text"] as! String) }
    }
    let qde = try entry("\(dir.path)/p.qdpx", "project.qde")
    let selected = qde.matches(of: /<PlainTextSelection guid="[^"]*" name="([^"]*)"/).map { String($0.output.1) }
    #expect(!expectedHits.isEmpty)
    #expect(selected == expectedHits)

    // The HTML shows the same totals as tally.csv.
    let html = try String(contentsOfFile: "\(dir.path)/r.html", encoding: .utf8)
    for row in tally.dropFirst() where row[2] == "yrke.psykolog" {
      let n = row[row.count - 3], N = row[row.count - 2]
      #expect(html.contains("(\(n)/\(N))"))
    }
  }
}
