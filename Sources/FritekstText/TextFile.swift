/// A file's bytes are not valid UTF-8.
public struct InvalidUTF8Error: Error, Sendable, CustomStringConvertible {
  /// The file (as given by the caller).
  public let file: String
  /// Offset of the first invalid byte, from 0.
  public let byteOffset: Int
  /// 1-based line and column (in characters) where the bad byte is.
  public let line: Int
  public let column: Int

  public var description: String {
    "\(file):\(line):\(column): error: invalid UTF-8 at byte offset \(byteOffset); "
      + "save the file as UTF-8 (or pass --encoding for survey files)"
  }
}

/// Decodes UTF-8 strictly: a leading BOM is removed; any invalid sequence is an error naming the
/// file, byte offset, line and column. Fritekst never replaces bad bytes silently.
public func decodeUTF8(_ bytes: [UInt8], file: String) throws(InvalidUTF8Error) -> String {
  var body = bytes[...]
  if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
  if let s = String(validating: body, as: UTF8.self) { return s }
  var parser = Unicode.UTF8.ForwardParser()
  var iterator = body.makeIterator()
  var offset = body.startIndex
  var line = 1
  var column = 1
  while true {
    switch parser.parseScalar(from: &iterator) {
    case .valid(let encoded):
      if encoded.count == 1 && encoded.first == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
      offset += encoded.count
    case .error(let length):
      _ = length
      throw InvalidUTF8Error(file: file, byteOffset: offset, line: line, column: column)
    case .emptyInput:
      return String(decoding: body, as: UTF8.self)
    }
  }
}
