import Foundation

/// One worksheet of an ``XLSXWriter`` workbook.
public struct XLSXSheet: Sendable {
  public enum Cell: Sendable, Hashable {
    case text(String)
    case int(Int)
    case number(Double)
    /// A fraction (0.125) shown as a percentage ("12.5 %" in the reader's locale).
    case percent(Double)
    case empty
  }

  /// At most 31 characters, no `[]:*?/\`.
  public var name: String
  /// Widths in characters, per column (missing columns get the default width).
  public var columnWidths: [Double]
  /// The first row is the header: bold, frozen (stays visible when scrolling).
  public var rows: [[Cell]]
  /// Columns whose text cells wrap (long answers).
  public var wrapColumns: Set<Int>

  public init(name: String, columnWidths: [Double] = [], rows: [[Cell]], wrapColumns: Set<Int> = []) {
    self.name = name
    self.columnWidths = columnWidths
    self.rows = rows
    self.wrapColumns = wrapColumns
  }
}

/// A small, real SpreadsheetML (Office Open XML) writer: `[Content_Types].xml`, `_rels/.rels`,
/// `xl/workbook.xml`, `xl/_rels/workbook.xml.rels`, `xl/styles.xml`, `xl/worksheets/sheetN.xml`,
/// with inline strings (no shared-string table). Numbers are numeric cells; percentages are
/// fractions with the number format `0.0%`. Output bytes are deterministic (fixed ZIP dates).
public enum XLSXWriter {
  /// Style indices in `styles.xml`.
  enum Style: Int {
    case normal = 0, header = 1, percent = 2, wrap = 3
  }

  static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  /// The workbook's parts in archive order (path, XML text).
  public static func parts(_ sheets: [XLSXSheet]) -> [(String, String)] {
    let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    var types = head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    types += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    types += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    for i in sheets.indices {
      types += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    types += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    types += "</Types>"

    let rels = head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    var workbook = head + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><sheets>"
    var wbRels = head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    for (i, s) in sheets.enumerated() {
      workbook += "<sheet name=\"\(xmlEscape(sheetName(s.name)))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
      wbRels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
    }
    workbook += "</sheets></workbook>"
    wbRels += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/></Relationships>"

    var parts: [(String, String)] = [
      ("[Content_Types].xml", types), ("_rels/.rels", rels), ("xl/workbook.xml", workbook),
      ("xl/_rels/workbook.xml.rels", wbRels), ("xl/styles.xml", styles),
    ]
    for (i, s) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", sheetXML(s))) }
    return parts
  }

  /// The `.xlsx` file's bytes.
  public static func data(_ sheets: [XLSXSheet]) throws -> Data {
    try DeterministicZip.data(parts(sheets).map { ($0.0, Array($0.1.utf8)) })
  }

  static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="\(mainNS)">\
    <numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>\
    <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="4">\
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>\
    </cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
    </styleSheet>
    """

  /// "A", "B", …, "Z", "AA", …
  public static func columnName(_ index: Int) -> String {
    var n = index + 1
    var s = ""
    while n > 0 {
      let r = (n - 1) % 26
      s = String(UnicodeScalar(UInt8(65 + r))) + s
      n = (n - 1) / 26
    }
    return s
  }

  static func sheetName(_ name: String) -> String {
    let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
    return String(cleaned.prefix(31))
  }

  /// A Double as SpreadsheetML writes it: shortest round-trip form, no exponent for ordinary values.
  static func number(_ v: Double) -> String {
    if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
    return "\(v)"
  }

  static func sheetXML(_ s: XLSXSheet) -> String {
    var x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    x += "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
    let width = s.rows.map(\.count).max() ?? 1
    if s.rows.count > 0 {
      x += "<dimension ref=\"A1:\(columnName(max(width, 1) - 1))\(s.rows.count)\"/>"
    }
    x += "<sheetViews><sheetView workbookViewId=\"0\">"
    if s.rows.count > 1 {
      x += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
      x += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
    }
    x += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
    if !s.columnWidths.isEmpty {
      x += "<cols>"
      for (i, w) in s.columnWidths.enumerated() {
        x += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(number(w))\" customWidth=\"1\"/>"
      }
      x += "</cols>"
    }
    x += "<sheetData>"
    for (r, row) in s.rows.enumerated() {
      x += "<row r=\"\(r + 1)\">"
      for (c, cell) in row.enumerated() {
        let ref = "\(columnName(c))\(r + 1)"
        let style: Style = r == 0 ? .header : (s.wrapColumns.contains(c) ? .wrap : .normal)
        let sAttr = style == .normal ? "" : " s=\"\(style.rawValue)\""
        switch cell {
        case .empty: continue
        case .text(let t):
          x += "<c r=\"\(ref)\"\(sAttr) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(xmlEscape(t))</t></is></c>"
        case .int(let v): x += "<c r=\"\(ref)\"\(sAttr)><v>\(v)</v></c>"
        case .number(let v): x += "<c r=\"\(ref)\"\(sAttr)><v>\(number(v))</v></c>"
        case .percent(let v): x += "<c r=\"\(ref)\" s=\"\(Style.percent.rawValue)\"><v>\(number(v))</v></c>"
        }
      }
      x += "</row>"
    }
    x += "</sheetData></worksheet>"
    return x
  }
}
