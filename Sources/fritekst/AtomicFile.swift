import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes `bytes` to `path` through a temporary file in the same folder and `rename(2)`, which
/// replaces an existing file in one step: a reader sees the old file or the new one, never a part,
/// and a failed write leaves the old file as it was. Refuses to overwrite one of `inputs`.
///
/// (Foundation's `FileManager.replaceItemAt` is not used: on Linux it failed on every second run
/// with "The file doesn't exist" and left the destination deleted.)
func writeAtomically(_ bytes: [UInt8], to path: String, inputs: [String] = []) throws {
  let url = URL(fileURLWithPath: path).standardizedFileURL
  for input in inputs
  where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == url.resolvingSymlinksInPath().path {
    throw CLIError("\(path): error: would overwrite the input \(input)")
  }
  let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
  do {
    try Data(bytes).write(to: tmp)
  } catch {
    try? FileManager.default.removeItem(at: tmp)
    throw CLIError("\(path): error: cannot write: \(error.localizedDescription)")
  }
  if rename(tmp.path, url.path) != 0 {
    let reason = String(cString: strerror(errno))
    try? FileManager.default.removeItem(at: tmp)
    throw CLIError("\(path): error: cannot write: \(reason)")
  }
}

/// Text variant of `writeAtomically(_:to:inputs:)` (UTF-8).
func writeAtomically(_ path: String, _ text: String) throws {
  try writeAtomically(Array(text.utf8), to: path)
}
