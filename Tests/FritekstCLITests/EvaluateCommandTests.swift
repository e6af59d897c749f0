import Foundation
import FritekstTestSupport
import Testing

/// End-to-end runs of `fritekst agree`, `uncoded` and `diff` on small inline fixtures, compared
/// with golden files. Inputs are written to a temporary folder and the binary runs there, so
/// the output contains only relative paths.
struct EvaluateCommandTests {
  static let codebookV1 = """
    id: t
    title: Test
    version: "1"
    language: both
    codes:
      - id: yrke
        label: Yrke
      - id: yrke.psykolog
        parent: yrke
        label: Psykolog
        rules:
          - id: psykolog-ord
            match: [psykolog, psykologer]
      - id: yrke.lege
        parent: yrke
        label: Lege
        rules:
          - id: lege-ord
            match: [lege, leger]
      - id: bolig
        label: Bolig
        rules:
          - id: bolig-ord
            match: [bolig*]

    """
  static let codebookV2 = codebookV1.replacingOccurrences(of: "match: [psykolog, psykologer]", with: "match: [psykolog*]")
    .replacingOccurrences(of: "match: [lege, leger]", with: "match: [mangler ...2 lege]")

  static let survey = """
    id;svar
    r1;Vi mangler psykolog og lege
    r2;Psykologdekning er god
    r3;Vi har ikke lege
    r4;Trenger boliger med bemanning
    r5;Trenger boliger og mer bemanning
    r6;Samarbeid med lege om boliger
    r7;-

    """

  static let manual = """
    id;codes;note
    r1;yrke.psykolog|yrke.lege;
    r2;;satisfied, not a need
    r3;yrke.lege;
    r4;bolig|ukjent.kode;
    r4;bolig;
    r9;bolig;

    """

  func run(_ args: [String], files: [String: String]) throws -> (status: Int32, out: String, err: String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fritekst-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
    let p = Process()
    p.executableURL = packageRoot().appendingPathComponent(".build/debug/fritekst")
    p.arguments = args
    p.currentDirectoryURL = dir
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    var text = String(decoding: o, as: UTF8.self)
    // Files written by --csv/--json are appended so the golden file covers them too.
    for name in ["t.csv", "t.json"] {
      if let d = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) {
        text += "\n==> \(name) <==\n" + String(decoding: d, as: UTF8.self)
      }
    }
    return (p.terminationStatus, text, String(decoding: e, as: UTF8.self))
  }

  var files: [String: String] {
    ["cb1.yaml": Self.codebookV1, "cb2.yaml": Self.codebookV2, "s.csv": Self.survey, "m.csv": Self.manual]
  }

  @Test func agreeWithCodebook() throws {
    let r = try run(["agree", "--manual", "m.csv", "--codebook", "cb1.yaml", "s.csv", "--csv", "t.csv", "--json", "t.json"], files: files)
    #expect(r.status == 0)
    #expect(r.err == "m.csv:5: warning: unknown code id 'ukjent.kode' for 'r4' (not in the codebook; left out of the comparison)\nm.csv:6: warning: id 'r4' already given on line 5; this row is ignored\n")
    assertGolden(r.out, named: "agree.md", folder: "FritekstCLITests")
  }

  /// Writing --csv/--json over existing files replaces them (Foundation's replaceItemAt failed on
  /// Linux with "The file doesn't exist" and deleted the old file).
  @Test func outputFilesAreReplaced() throws {
    var f = files
    f["t.csv"] = "stale\n"
    f["t.json"] = "stale\n"
    let r = try run(["agree", "--manual", "m.csv", "--codebook", "cb1.yaml", "s.csv", "--csv", "t.csv", "--json", "t.json"], files: f)
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("==> t.csv <==\ncode,label,"))
    #expect(r.out.contains("==> t.json <==\n{"))
    #expect(!r.out.contains("stale"))
  }

  @Test func agreeTwoManualFiles() throws {
    var f = files
    f["m2.jsonl"] = """
      {"id": "r1", "code": "yrke.psykolog"}
      {"id": "r2", "code": ""}
      {"id": "r3", "code": "yrke.lege"}
      {"id": "r3", "code": "bolig"}
      {"id": "r8", "code": "bolig"}

      """
    let r = try run(["agree", "--manual", "m.csv", "--manual", "m2.jsonl", "s.csv", "--roll-up", "--codebook", "cb1.yaml"], files: f)
    #expect(r.status == 0)
    assertGolden(r.out, named: "agree-two-coders.md", folder: "FritekstCLITests")
  }

  @Test func uncoded() throws {
    let r = try run(["uncoded", "--codebook", "cb1.yaml", "s.csv", "--min-count", "1"], files: files)
    #expect(r.status == 0)
    assertGolden(r.out, named: "uncoded.md", folder: "FritekstCLITests")
  }

  @Test func diff() throws {
    let r = try run(["diff", "--codebook", "cb1.yaml", "--codebook", "cb2.yaml", "s.csv"], files: files)
    #expect(r.status == 0)
    assertGolden(r.out, named: "diff.md", folder: "FritekstCLITests")
  }

  @Test func usageErrors() throws {
    let r = try run(["agree", "--manual", "m.csv", "s.csv"], files: files)
    #expect(r.status == 2)
    #expect(r.err.contains("with one --manual, give exactly one --codebook"))
  }
}
