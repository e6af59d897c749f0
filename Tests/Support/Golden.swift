import Foundation
import Testing

/// Compares `actual` with the golden file `Tests/<folder>/Golden/<name>`.
///
/// With `RECORD_GOLDEN=1` in the environment the file is (re)written and the test fails, so a
/// recording run can never pass silently. On mismatch the first differing line is shown between
/// rulers.
public func assertGolden(
  _ actual: String, named name: String, folder: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let url = packageRoot().appendingPathComponent("Tests/\(folder)/Golden/\(name)")
  if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? actual.write(to: url, atomically: true, encoding: .utf8)
    Issue.record("recorded golden file \(name); run again without RECORD_GOLDEN", sourceLocation: sourceLocation)
    return
  }
  guard let data = FileManager.default.contents(atPath: url.path),
    let expected = String(data: data, encoding: .utf8)
  else {
    Issue.record("missing golden file \(url.path); run with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
    return
  }
  if expected != actual {
    Issue.record(
      "golden \(name) differs:\n\(firstDifference(expected: expected, actual: actual))",
      sourceLocation: sourceLocation)
  }
}

func firstDifference(expected: String, actual: String) -> String {
  let e = expected.components(separatedBy: "\n")
  let a = actual.components(separatedBy: "\n")
  let ruler = String(repeating: "-", count: 60)
  for i in 0..<max(e.count, a.count) {
    let el = i < e.count ? e[i] : "<end of file>"
    let al = i < a.count ? a[i] : "<end of file>"
    if el != al {
      return "\(ruler)\nline \(i + 1)\nexpected: \(el)\nactual:   \(al)\n\(ruler)"
    }
  }
  return "(only trailing bytes differ)"
}

/// The package's root folder (found from this source file's location).
public func packageRoot() -> URL {
  var url = URL(fileURLWithPath: #filePath)
  while url.path != "/" {
    url.deleteLastPathComponent()
    if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
      return url
    }
  }
  return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
}

/// `../shared` next to the package (reference data and corpora), if present.
public func sharedRoot() -> URL {
  packageRoot().deletingLastPathComponent().appendingPathComponent("shared")
}

/// Reads a file under the package root as UTF-8.
public func readPackageFile(_ relativePath: String) throws -> String {
  let url = packageRoot().appendingPathComponent(relativePath)
  return try String(contentsOf: url, encoding: .utf8)
}
