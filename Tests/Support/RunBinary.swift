import Foundation

/// Result of running the built `fritekst` binary.
public struct RunResult: Sendable {
  public let status: Int32
  public let stdout: String
  public let stderr: String
}

/// The built `fritekst` executable next to the test bundle.
public func fritekstBinary() -> URL {
  let candidates = [
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("fritekst"),
    packageRoot().appendingPathComponent(".build/debug/fritekst"),
  ]
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
}

/// Runs `fritekst ARGS` in `directory` (default: the package root) and collects its output.
public func runFritekst(_ args: [String], in directory: URL? = nil) throws -> RunResult {
  let process = Process()
  process.executableURL = fritekstBinary()
  process.arguments = args
  process.currentDirectoryURL = directory ?? packageRoot()
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  // Read both pipes concurrently so a full pipe never blocks the child.
  nonisolated(unsafe) var errData = Data()
  let group = DispatchGroup()
  group.enter()
  DispatchQueue.global().async {
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  return RunResult(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

/// A fresh temporary folder.
public func temporaryFolder() -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("fritekst-test-\(UUID().uuidString)")
  try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
