import Foundation
import FritekstSurvey
import Testing

/// Malformed input never crashes and never yields a partial result without saying so: for many
/// random CSV-like and JSONL-like files, reading either fails with a located error or finishes
/// with a reading report whose counts add up.
@Suite("Malformed input")
struct MalformedInputTests {
  /// Deterministic generator (SplitMix64) so a failure is reproducible from its seed.
  struct Rng {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }
  }

  static let pieces: [[UInt8]] = [
    Array("kommunenummer".utf8), Array("svar".utf8), Array("3101".utf8), Array("0301".utf8), Array("030101".utf8),
    Array("9999".utf8), Array("Vi mangler psykolog".utf8), Array("æøå".utf8), Array("-".utf8), [0x3B], [0x2C], [0x09],
    [0x22], [0x22, 0x22], [0x0A], [0x0D, 0x0A], [0x0D], [0xE6], [0xF8], [0xC3], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0x00],
    Array("{\"id\": 1, \"svar\": \"x\"}".utf8), [0x7B], [0x7D],
  ]

  func randomFile(seed: UInt64) -> [UInt8] {
    var rng = Rng(state: seed)
    var bytes: [UInt8] = rng.next() % 3 == 0 ? [] : Array("kommunenummer;svar\n".utf8)
    for _ in 0..<(Int(rng.next() % 60) + 1) { bytes += rng.pick(Self.pieces) }
    return bytes
  }

  @Test func randomFilesFailCleanlyOrReconcile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fritekst-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let registry = try MunicipalityRegistry.load()
    var read = 0
    var failed = 0
    for seed in UInt64(1)...400 {
      let url = dir.appendingPathComponent("f\(seed).\(seed % 5 == 0 ? "jsonl" : "csv")")
      try Data(randomFile(seed: seed)).write(to: url)
      do {
        let reader = try SurveyReader(path: url.path, options: SurveyOptions(), registry: registry)
        var records = 0
        while let r = try reader.next() { records += r.answers.isEmpty && r.nonAnswers.isEmpty ? 0 : 1 }
        let report = reader.report
        #expect(report.reconciles, "seed \(seed): \(report.rows) rows do not add up")
        #expect(report.rowsWithAnswers + report.rowsOnlyNonAnswers == records, "seed \(seed)")
        read += 1
      } catch {
        // A failure must say where: the file name and a position, or which column is missing.
        let text = error.description
        #expect(text.contains(url.lastPathComponent), "seed \(seed): \(text)")
        failed += 1
      }
    }
    #expect(read > 50 && failed > 10, "read \(read), failed \(failed): the generator should exercise both paths")
  }
}
