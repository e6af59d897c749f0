import Foundation
import ZIPFoundation

/// Escapes text for XML/HTML element content and attribute values (`&`, `<`, `>`, `"`, `'`), and
/// drops control characters XML 1.0 does not allow (everything below U+0020 except tab, LF, CR).
public func xmlEscape(_ s: String) -> String {
  var out = ""
  out.reserveCapacity(s.utf8.count)
  for u in s.unicodeScalars {
    switch u {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&#39;"
    case "\t", "\n", "\r": out.unicodeScalars.append(u)
    case _ where u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF: continue
    default: out.unicodeScalars.append(u)
    }
  }
  return out
}

/// Builds a ZIP archive in memory with fixed modification dates and permissions, so the same
/// parts give the same bytes (ZIPFoundation converts dates with `gmtime`, independent of the
/// time zone).
public enum DeterministicZip {
  /// 2024-01-01 00:00:00 UTC, stamped on every entry.
  public static let fixedDate = Date(timeIntervalSince1970: 1_704_067_200)

  /// `parts` in the order given (path inside the archive, bytes).
  public static func data(_ parts: [(String, [UInt8])], compress: Bool = true) throws -> Data {
    let archive = try Archive(accessMode: .create)
    for (path, bytes) in parts {
      let data = Data(bytes)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
        permissions: 0o644, compressionMethod: compress ? .deflate : .none
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    guard let result = archive.data else { throw CocoaError(.fileWriteUnknown) }
    return result
  }

  /// Reads every file entry of an archive (for tests and round trips).
  public static func entries(of data: Data) throws -> [String: Data] {
    let archive = try Archive(data: data, accessMode: .read)
    var out: [String: Data] = [:]
    for entry in archive where entry.type == .file {
      var bytes = Data()
      _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
      out[entry.path] = bytes
    }
    return out
  }
}
