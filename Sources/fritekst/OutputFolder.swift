import Foundation

/// Writes a run's files into a temporary folder next to the destination and moves it into place
/// only when everything is written, so a failed or interrupted run never leaves half a result.
/// An existing destination is replaced only with `--force`; a destination that is, or contains,
/// an input file is refused.
final class OutputFolder {
  let destination: URL
  let staging: URL
  private var handles: [String: FileHandle] = [:]
  private var buffers: [String: [UInt8]] = [:]

  init(_ path: String, force: Bool, inputs: [String]) throws {
    destination = URL(fileURLWithPath: path).standardizedFileURL
    let fm = FileManager.default
    for input in inputs {
      let inputURL = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath()
      let dest = destination.resolvingSymlinksInPath()
      if inputURL.path == dest.path || inputURL.path.hasPrefix(dest.path + "/") {
        throw CLIError("\(path): error: the output folder would overwrite the input \(input); choose another --out")
      }
    }
    var isDir: ObjCBool = false
    if fm.fileExists(atPath: destination.path, isDirectory: &isDir) {
      if !isDir.boolValue { throw CLIError("\(path): error: exists and is not a folder") }
      if !force { throw CLIError("\(path): error: the output folder exists; pass --force to replace it") }
    }
    let parent = destination.deletingLastPathComponent()
    try fm.createDirectory(at: parent, withIntermediateDirectories: true)
    staging = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(getpid())")
    try? fm.removeItem(at: staging)
    try fm.createDirectory(at: staging, withIntermediateDirectories: false)
  }

  /// Appends to a file in the staging folder (buffered).
  func append(_ name: String, _ text: String) throws {
    buffers[name, default: []].append(contentsOf: text.utf8)
    if buffers[name]!.count >= 1 << 20 { try flush(name) }
  }

  /// Writes a whole file.
  func write(_ name: String, _ text: String) throws {
    try append(name, text)
    try flush(name)
  }

  private func flush(_ name: String) throws {
    if handles[name] == nil {
      let url = staging.appendingPathComponent(name)
      guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
        throw CLIError("\(url.path): error: cannot create file")
      }
      handles[name] = try FileHandle(forWritingTo: url)
    }
    if let bytes = buffers[name], !bytes.isEmpty {
      try handles[name]!.write(contentsOf: Data(bytes))
      buffers[name] = []
    }
  }

  /// Flushes everything and moves the staging folder into place.
  func commit() throws {
    for name in buffers.keys.sorted() { try flush(name) }
    for (_, h) in handles { try h.close() }
    handles = [:]
    let fm = FileManager.default
    if fm.fileExists(atPath: destination.path) {
      let old = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).old-\(getpid())")
      try fm.moveItem(at: destination, to: old)
      try fm.moveItem(at: staging, to: destination)
      try fm.removeItem(at: old)
    } else {
      try fm.moveItem(at: staging, to: destination)
    }
  }

  /// Removes the staging folder (after a failure).
  func abandon() {
    for (_, h) in handles { try? h.close() }
    try? FileManager.default.removeItem(at: staging)
  }
}

/// A user-facing error message; the CLI prints it and exits with `code`.
struct CLIError: Error, CustomStringConvertible {
  let description: String
  let code: Int32
  init(_ message: String, code: Int32 = 2) {
    description = message
    self.code = code
  }
}

/// SHA-256 and size of a file, read in chunks.
func fingerprint(of path: String) throws -> (sha256: String, bytes: Int) {
  guard let handle = FileHandle(forReadingAtPath: path) else { throw CLIError("\(path): error: cannot read file") }
  defer { try? handle.close() }
  var hasher = FritekstTextSHA()
  var total = 0
  while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
    hasher.update([UInt8](chunk))
    total += chunk.count
  }
  return (hasher.finalizeHex(), total)
}
