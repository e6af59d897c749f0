import Foundation

/// Incremental RFC 4180 parser over UTF-8 bytes read in chunks (bounded memory).
///
/// - Delimiter `,` `;` or tab, detected from the header line (most frequent outside quotes; on a
///   tie `;` wins, then tab, then `,`) unless forced.
/// - Quoted fields may contain delimiters, doubled quotes and line breaks; a CRLF or CR inside a
///   quoted field is read as "\n" so CRLF and LF files give the same text.
/// - A quote inside an unquoted field, or text after a closing quote, is kept literally and
///   warned about (row/col in the notes).
/// - An unterminated quoted field at end of file throws `.malformed` (a truncated file).
/// - Records end at LF, CRLF or CR. Empty lines are skipped (they still count as spreadsheet
///   rows for numbering) and listed in the notes.
final class CSVSource: RowSource {
  let file: String
  private let reader: UTF8ChunkReader
  var fractionRead: Double? { reader.fractionRead }
  let delimiter: UInt8
  private(set) var header: [String] = []
  private var buf: [UInt8] = []
  private var pos = 0
  private var eof = false
  private var skipLF = false
  private var rowCounter = 0
  private var line = 1
  private var strayQuotes = CappedNotes()
  private var blankRows: [Int] = []
  private var blankCount = 0

  let format = "CSV"
  var encodingDescription: String {
    var s = reader.encodingDescription
    if reader.invalidUTF8Bytes > 0 {
      s += " (\(reader.invalidUTF8Bytes) invalid byte(s) read as Windows-1252)"
    }
    return s
  }
  var delimiterDescription: String { delimiter == 9 ? "tab" : String(UnicodeScalar(delimiter)) }
  let sheetName: String? = nil

  init(path: String, file: String, encoding: TextEncodingChoice?, delimiter: Character?, chunkSize: Int = 1 << 20)
    throws(SurveyError)
  {
    self.file = file
    let r = try UTF8ChunkReader(path: path, forced: encoding, chunkSize: chunkSize)
    reader = r
    // Read at least the whole first line (up to 1 MB) to detect the delimiter.
    var first: [UInt8] = []
    var atEOF = false
    while !first.contains(0x0A) && first.count < 1 << 20 {
      guard let c = try r.next() else {
        atEOF = true
        break
      }
      first.append(contentsOf: c)
    }
    if let delimiter {
      guard let a = delimiter.asciiValue else {
        throw .invalidOption("delimiter must be an ASCII character, not '\(delimiter)'")
      }
      self.delimiter = a
    } else {
      self.delimiter = Self.detectDelimiter(first)
    }
    buf = first
    eof = atEOF
    guard let h = try nextRecord() else {
      throw .malformed(file: file, row: 1, column: 1, reason: "empty file: no header row")
    }
    header = h.fields
  }

  /// Counts `,` `;` and tab outside quotes on the first line.
  static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
    var counts: [UInt8: Int] = [0x3B: 0, 0x09: 0, 0x2C: 0]
    var inQuotes = false
    for b in bytes {
      if b == 0x22 { inQuotes.toggle(); continue }
      if inQuotes { continue }
      if b == 0x0A || b == 0x0D { break }
      if counts[b] != nil { counts[b]! += 1 }
    }
    var best: UInt8 = 0x2C
    var bestCount = 0
    for d: UInt8 in [0x3B, 0x09, 0x2C] where counts[d]! > bestCount {
      best = d
      bestCount = counts[d]!
    }
    return best
  }

  private func refill() throws(SurveyError) -> Bool {
    while true {
      guard let chunk = try reader.next() else {
        eof = true
        buf = []
        pos = 0
        return false
      }
      if chunk.isEmpty { continue }
      buf = chunk
      pos = 0
      return true
    }
  }

  var sourceNotes: [String] {
    var notes = strayQuotes.rendered("stray quotes")
    if blankCount > 0 {
      let shown = blankRows.map(String.init).joined(separator: ", ")
      notes.append(
        "\(blankCount) empty line(s) skipped (row\(blankCount == 1 ? "" : "s") \(shown)\(blankCount > blankRows.count ? ", …" : ""))"
      )
    }
    return notes
  }

  func nextRow() throws(SurveyError) -> RawRow? {
    guard let r = try nextRecord() else { return nil }
    return RawRow(row: r.row, fields: r.fields)
  }

  private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

  private func nextRecord() throws(SurveyError) -> (row: Int, fields: [String])? {
    var fields: [String] = []
    var field: [UInt8] = []
    var state = State.fieldStart
    var consumed = false
    var quoteLine = 0
    rowCounter += 1
    var recordRow = rowCounter
    let delim = delimiter
    let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    while true {
      if pos >= buf.count {
        let more = eof ? false : try refill()
        if !more {
          // End of file.
          if state == .quoted {
            throw .malformed(
              file: file, row: recordRow, column: fields.count + 1,
              reason: "unterminated quoted field (opened on line \(quoteLine)); the file ends inside it — truncated file?")
          }
          if !consumed {
            rowCounter -= 1
            return nil
          }
          fields.append(String(decoding: field, as: UTF8.self))
          if fields.count == 1 && fields[0].isEmpty { return nil }
          return (recordRow, fields)
        }
      }
      // Scan the buffer until the record ends or the buffer is used up.
      var ended = false
      // Class properties are copied to locals for the byte loop (no exclusivity checks per byte).
      var skipLF = self.skipLF
      var line = self.line
      var rowCounter = self.rowCounter
      defer {
        self.skipLF = skipLF
        self.line = line
        self.rowCounter = rowCounter
      }
      buf.withUnsafeBufferPointer { p in
        var i = pos
        defer { pos = i }
        while i < p.count {
          let b = p[i]
          i += 1
          if skipLF {
            skipLF = false
            if b == lf { continue }
          }
          consumed = true
          switch state {
          case .unquoted, .fieldStart:
            if b == delim {
              fields.append(String(decoding: field, as: UTF8.self))
              field.removeAll(keepingCapacity: true)
              state = .fieldStart
            } else if b == lf || b == cr {
              if b == cr { skipLF = true }
              line += 1
              fields.append(String(decoding: field, as: UTF8.self))
              field.removeAll(keepingCapacity: true)
              if fields.count == 1 && fields[0].isEmpty {
                // An empty line: skip it, but it still is a spreadsheet row.
                blankCount += 1
                if blankRows.count < 10 { blankRows.append(recordRow) }
                fields.removeAll()
                state = .fieldStart
                consumed = false
                rowCounter += 1
                recordRow = rowCounter
                continue
              }
              ended = true
              return
            } else if b == quote {
              if state == .fieldStart {
                state = .quoted
                quoteLine = line
              } else {
                strayQuotes.add(
                  "\(file):\(recordRow):\(fields.count + 1): warning: stray quote inside an unquoted field, kept literally")
                field.append(b)
              }
            } else {
              field.append(b)
              state = .unquoted
            }
          case .quoted:
            if b == quote {
              state = .quoteInQuoted
            } else if b == cr {
              field.append(lf)
              skipLF = true
              line += 1
            } else {
              if b == lf { line += 1 }
              field.append(b)
            }
          case .quoteInQuoted:
            if b == quote {
              field.append(quote)
              state = .quoted
            } else if b == delim {
              fields.append(String(decoding: field, as: UTF8.self))
              field.removeAll(keepingCapacity: true)
              state = .fieldStart
            } else if b == lf || b == cr {
              if b == cr { skipLF = true }
              line += 1
              fields.append(String(decoding: field, as: UTF8.self))
              field.removeAll(keepingCapacity: true)
              ended = true
              return
            } else {
              strayQuotes.add(
                "\(file):\(recordRow):\(fields.count + 1): warning: text after a closing quote, kept literally")
              field.append(b)
              state = .unquoted
            }
          }
        }
      }
      if ended { return (recordRow, fields) }
    }
  }
}
