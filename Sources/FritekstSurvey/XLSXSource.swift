import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads one worksheet of an .xlsx workbook (the first, or the one named by `--sheet`):
/// workbook.xml → _rels/workbook.xml.rels → the sheet's XML, with sharedStrings.xml.
/// The sheet XML is loaded whole (XLSX is zipped, streaming it buys little).
///
/// Cells: shared strings (`t="s"`), inline strings (`t="inlineStr"`), formula strings
/// (`t="str"`), booleans (`TRUE`/`FALSE`), numbers (integral values without ".0": 301 → "301",
/// 5.0 → "5"). Cell references ("C5") place values, so empty cells and missing rows leave the right
/// gaps. Merged cells in the header row are reported in the notes.
final class XLSXSource: RowSource {
  let file: String
  let format = "XLSX"
  let encodingDescription = "UTF-8 (XML in a zip archive)"
  let delimiterDescription = "-"
  let sheetName: String?
  private(set) var header: [String] = []
  private var rows: [RawRow] = []
  private var index = 0
  private var notes: [String] = []

  init(path: String, file: String, sheet: String?) throws(SurveyError) {
    self.file = file
    let archive: Archive
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw .fileUnreadable(path: file, reason: "not a readable XLSX (zip) file: \(error)")
    }
    func entry(_ name: String) throws(SurveyError) -> Data? {
      let clean = name.hasPrefix("/") ? String(name.dropFirst()) : name
      guard let e = archive[clean] else { return nil }
      var data = Data()
      do {
        _ = try archive.extract(e, skipCRC32: false) { data.append($0) }
      } catch {
        throw .fileUnreadable(path: file, reason: "cannot unzip \(clean): \(error)")
      }
      return data
    }
    guard let workbookXML = try entry("xl/workbook.xml") else {
      throw .fileUnreadable(path: file, reason: "not an XLSX workbook (no xl/workbook.xml)")
    }
    let (workbook, workbookError) = WorkbookParser.parse(workbookXML)
    if let workbookError { throw .fileUnreadable(path: file, reason: "invalid XML in xl/workbook.xml: \(workbookError)") }
    guard !workbook.sheets.isEmpty else {
      throw .fileUnreadable(path: file, reason: "the workbook has no sheets")
    }
    let chosen: (name: String, rid: String)
    if let sheet {
      guard let s = workbook.sheets.first(where: { $0.name == sheet })
        ?? workbook.sheets.first(where: { $0.name.lowercased() == sheet.lowercased() })
      else { throw .sheetNotFound(file: file, name: sheet, available: workbook.sheets.map(\.name)) }
      chosen = s
    } else {
      chosen = workbook.sheets[0]
    }
    sheetName = chosen.name
    var target = "xl/worksheets/sheet1.xml"
    if let relsXML = try entry("xl/_rels/workbook.xml.rels") {
      let (rels, relsError) = RelsParser.parse(relsXML)
      if let relsError { throw .fileUnreadable(path: file, reason: "invalid XML in xl/_rels/workbook.xml.rels: \(relsError)") }
      if let t = rels[chosen.rid] { target = t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t }
    }
    guard let sheetXML = try entry(target) else {
      throw .fileUnreadable(path: file, reason: "sheet '\(chosen.name)' (\(target)) is missing from the archive")
    }
    var shared: [String] = []
    if let sharedXML = try entry("xl/sharedStrings.xml") {
      let (strings, sharedError) = SharedStringsParser.parse(sharedXML)
      if let sharedError { throw .fileUnreadable(path: file, reason: "invalid XML in xl/sharedStrings.xml: \(sharedError)") }
      shared = strings
    }
    let parsed = SheetParser.parse(sheetXML, sharedStrings: shared)
    if let error = parsed.error {
      throw .malformed(file: file, row: parsed.lastRow, column: parsed.errorColumn, reason: "invalid sheet: \(error)")
    }
    var all = parsed.rows.sorted { $0.row < $1.row }
    // Drop rows whose cells are all empty (styled but blank rows).
    var blank: [Int] = []
    all.removeAll { r in
      let empty = r.fields.allSatisfy { $0.isEmpty }
      if empty { blank.append(r.row) }
      return empty
    }
    guard let first = all.first else {
      throw .malformed(file: file, row: 1, column: 1, reason: "sheet '\(chosen.name)' is empty: no header row")
    }
    if first.row != 1 { notes.append("header found on sheet row \(first.row) (rows above it are empty)") }
    var headerFields = first.fields
    // A merged header cell spans columns that have no header value of their own: give them a
    // place (the reader names them "kolonne N").
    for m in parsed.merges where m.firstRow <= first.row && first.row <= m.lastRow && m.lastColumn > headerFields.count {
      headerFields.append(contentsOf: repeatElement("", count: m.lastColumn - headerFields.count))
    }
    header = headerFields
    rows = Array(all.dropFirst())
    if !blank.isEmpty {
      notes.append("\(blank.count) empty row(s) skipped")
    }
    for m in parsed.merges {
      if m.firstRow <= first.row && first.row <= m.lastRow {
        notes.append(
          "merged header cells \(m.ref): the value is read in the first cell, the others get generated names")
      } else {
        notes.append("merged cells \(m.ref): only the first cell has a value")
      }
    }
  }

  var sourceNotes: [String] { notes }

  func nextRow() throws(SurveyError) -> RawRow? {
    guard index < rows.count else { return nil }
    defer { index += 1 }
    return rows[index]
  }
}

/// "C5" → (column 3, row 5); nil if not a cell reference.
func parseCellReference(_ ref: String) -> (column: Int, row: Int)? {
  var column = 0
  var rowText = ""
  for ch in ref.uppercased() {
    if let a = ch.asciiValue, a >= 65 && a <= 90, rowText.isEmpty {
      column = column * 26 + Int(a - 64)
    } else if ch.isASCII && ch.isNumber {
      rowText.append(ch)
    } else if ch == "$" {
      continue
    } else {
      return nil
    }
  }
  guard column > 0, let row = Int(rowText) else { return nil }
  return (column, row)
}

private final class WorkbookParser: NSObject, XMLParserDelegate {
  var sheets: [(name: String, rid: String)] = []

  static func parse(_ data: Data) -> (WorkbookParser, error: String?) {
    let p = WorkbookParser()
    return (p, runXMLParser(data, delegate: p))
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    if localName(name) == "sheet" {
      let rid = attributes.first(where: { localName($0.key) == "id" && $0.key.contains(":") })?.value ?? ""
      sheets.append((attributes["name"] ?? "", rid))
    }
  }
}

private final class RelsParser: NSObject, XMLParserDelegate {
  var targets: [String: String] = [:]

  static func parse(_ data: Data) -> ([String: String], error: String?) {
    let p = RelsParser()
    let error = runXMLParser(data, delegate: p)
    return (p.targets, error)
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    if localName(name) == "Relationship", let id = attributes["Id"], let t = attributes["Target"] {
      targets[id] = t
    }
  }
}

private func localName(_ qname: String) -> String {
  if let i = qname.lastIndex(of: ":") { return String(qname[qname.index(after: i)...]) }
  return qname
}

/// `<si>` items; rich text runs `<r><t>` are joined; phonetic runs `<rPh>` are skipped.
private final class SharedStringsParser: NSObject, XMLParserDelegate {
  var strings: [String] = []
  private var current = ""
  private var inT = false
  private var inPhonetic = false
  private var closed = false

  static func parse(_ data: Data) -> ([String], error: String?) {
    let p = SharedStringsParser()
    // Linux's XMLParser may accept a truncated document: insist on the closing </sst>.
    let error = runXMLParser(data, delegate: p) ?? (p.closed ? nil : "the part ends before </sst> (truncated)")
    return (p.strings, error)
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    switch localName(name) {
    case "si": current = ""
    case "t": inT = !inPhonetic
    case "rPh": inPhonetic = true
    default: break
    }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    switch localName(name) {
    case "sst": closed = true
    case "si": strings.append(current)
    case "t": inT = false
    case "rPh": inPhonetic = false
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inT { current += string }
  }
}

struct MergeRange {
  let ref: String
  let firstRow: Int
  let lastRow: Int
  let lastColumn: Int
}

private final class SheetParser: NSObject, XMLParserDelegate {
  let shared: [String]
  var rows: [RawRow] = []
  var merges: [MergeRange] = []
  var error: String?
  var lastRow = 1
  var errorColumn = 1
  private var sheetDataClosed = false

  private var rowNumber = 0
  private var cells: [Int: String] = [:]
  private var nextColumn = 1
  private var cellColumn = 0
  private var cellType = ""
  private var value = ""
  private var inValue = false
  private var inInlineT = false
  private var inPhonetic = false
  private var inRow = false

  init(shared: [String]) { self.shared = shared }

  static func parse(_ data: Data, sharedStrings: [String]) -> SheetParser {
    let p = SheetParser(shared: sharedStrings)
    let parser = XMLParser(data: data)
    parser.delegate = p
    if !parser.parse(), p.error == nil {
      p.error = xmlErrorText(parser)
      p.lastRow = (p.rows.last?.row ?? 0) + 1
    }
    // Linux's XMLParser may accept a truncated document: insist on the closing </sheetData>.
    if p.error == nil && !p.sheetDataClosed {
      p.error = "the sheet ends before </sheetData> after row \(p.rows.last?.row ?? 0) (truncated workbook)"
      p.lastRow = (p.rows.last?.row ?? 0) + 1
    }
    return p
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    switch localName(name) {
    case "row":
      inRow = true
      rowNumber = attributes["r"].flatMap(Int.init) ?? (rowNumber + 1)
      lastRow = rowNumber
      cells = [:]
      nextColumn = 1
    case "c":
      if let r = attributes["r"], let ref = parseCellReference(r) {
        cellColumn = ref.column
      } else {
        cellColumn = nextColumn
      }
      nextColumn = cellColumn + 1
      cellType = attributes["t"] ?? "n"
      value = ""
    case "v":
      inValue = true
    case "t":
      if cellType == "inlineStr" && !inPhonetic { inInlineT = true }
    case "rPh":
      inPhonetic = true
    case "mergeCell":
      if let ref = attributes["ref"] {
        let parts = ref.split(separator: ":").map(String.init)
        if let a = parseCellReference(parts[0]) {
          let b = parts.count > 1 ? parseCellReference(parts[1]) : a
          merges.append(MergeRange(ref: ref, firstRow: a.row, lastRow: b?.row ?? a.row, lastColumn: b?.column ?? a.column))
        }
      }
    default: break
    }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    switch localName(name) {
    case "v": inValue = false
    case "t": inInlineT = false
    case "rPh": inPhonetic = false
    case "sheetData": sheetDataClosed = true
    case "c":
      var text: String
      switch cellType {
      case "s":
        let i = Int(value.trimmedWhitespace()) ?? -1
        if i >= 0 && i < shared.count {
          text = shared[i]
        } else {
          // A missing shared string means a damaged or truncated sharedStrings.xml (Linux's
          // XMLParser does not always report a truncated document): stop, never guess.
          if error == nil {
            error = "the cell refers to shared string \(value.trimmedWhitespace()), but xl/sharedStrings.xml has only \(shared.count) (damaged or truncated workbook)"
            lastRow = rowNumber
            errorColumn = cellColumn
          }
          parser.abortParsing()
          text = ""
        }
      case "b": text = value == "1" ? "TRUE" : (value == "0" ? "FALSE" : value)
      case "inlineStr", "str", "e": text = value
      default: text = normalizedNumberText(value.trimmedWhitespace())
      }
      if !text.isEmpty { cells[cellColumn] = text }
    case "row":
      inRow = false
      let width = cells.keys.max() ?? 0
      var fields = [String](repeating: "", count: width)
      for (c, v) in cells { fields[c - 1] = v }
      rows.append(RawRow(row: rowNumber, fields: fields))
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inValue || inInlineT { value += string }
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    if error == nil {
      error = xmlErrorText(parser)
      lastRow = (rows.last?.row ?? 0) + 1
    }
  }
}

/// Runs an XML parser; returns nil on success, or the parser's error text.
private func runXMLParser(_ data: Data, delegate: XMLParserDelegate) -> String? {
  let parser = XMLParser(data: data)
  parser.shouldProcessNamespaces = false
  parser.delegate = delegate
  return parser.parse() ? nil : xmlErrorText(parser)
}

/// A readable description of an XMLParser failure (Foundation's own text is "The operation could
/// not be completed").
func xmlErrorText(_ parser: XMLParser) -> String {
  let code = (parser.parserError as NSError?)?.code ?? -1
  // (error 5: "premature end of document")
  let what = code == 5 ? "the XML ends too early (truncated?)" : "malformed XML"
  return "\(what) at XML line \(parser.lineNumber), column \(parser.columnNumber) (XMLParser error \(code))"
}
