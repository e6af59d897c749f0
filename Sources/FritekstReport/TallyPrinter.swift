import FritekstAnalysis
import FritekstSurvey

/// `tally.csv`, `tally.md` and the terminal table: respondents per code × size band, with the
/// denominator (respondents who answered) and the percentage, plus a total column and rows for
/// uncoded answers and non-answers.
public enum TallyPrinter {
  /// Wide CSV: one row per (group, question, code); for each band and the total, three columns
  /// `<band> n`, `<band> N`, `<band> %`.
  public static func csv(_ tally: Tally, format: CSVFormat) -> String {
    let bands = tally.usedBands
    var header = ["group", "question", "code", "label", "level"]
    for b in bands { header += ["\(b.label) n", "\(b.label) N", "\(b.label) %"] }
    header += ["Totalt n", "Totalt N", "Totalt %"]
    var out = format.row(header)
    for group in ["alle"] + tally.groups {
      for q in tally.questions {
        for (row, label, level) in rows(tally) {
          var fields = [group, q, row, label, level]
          for b in bands as [SizeBand?] + [nil] {
            let c = tally.cell(row, question: q, band: b, group: group)
            fields += [String(c.count), String(c.base), format.percent(c.percent)]
          }
          out += format.row(fields)
        }
      }
    }
    return out
  }

  /// Markdown: one table per question (and group), cells "p % (n/N)".
  public static func markdown(_ tally: Tally, title: String) -> String {
    let bands = tally.usedBands
    var out = "# \(title)\n\n"
    out += "Andel respondenter (kommuner/bydeler) som nevner hver kode, etter kommunestørrelse. "
    out += "Hver celle: prosent (n/N), der N er respondenter som svarte på spørsmålet.\n"
    for group in ["alle"] + tally.groups {
      for q in tally.questions {
        out += "\n## \(q)" + (tally.groupColumn != nil ? " — \(tally.groupColumn!): \(group)" : "") + "\n\n"
        out += "| Kode | " + bands.map(\.label).joined(separator: " | ") + " | Totalt |\n"
        out += "|---|" + String(repeating: "---:|", count: bands.count + 1) + "\n"
        for (row, label, level) in rows(tally) {
          let indent = String(repeating: "↳ ", count: Int(level) ?? 0)
          let name = row.hasPrefix("(") ? "*\(label)*" : "\(indent)\(label) (`\(row)`)"
          var cells: [String] = []
          for b in bands as [SizeBand?] + [nil] {
            let c = tally.cell(row, question: q, band: b, group: group)
            cells.append(c.percent.map { "\(formatFixed($0, decimals: 0)) % (\(c.count)/\(c.base))" } ?? "– (0/0)")
          }
          out += "| \(escapeMarkdownCell(name)) | " + cells.joined(separator: " | ") + " |\n"
        }
        let answered = tally.answered(q, band: nil, group: group)
        out += "\nN = \(answered) respondenter svarte på «\(q)».\n"
      }
    }
    return out
  }

  /// A compact table for the terminal: percentages per band, total with n/N.
  public static func terminal(_ tally: Tally, question: String) -> String {
    let bands = tally.usedBands
    let rows = rows(tally)
    let labelWidth = min(40, max(12, rows.map { $0.1.count + 2 * (Int($0.2) ?? 0) }.max() ?? 12))
    func pad(_ s: String, _ w: Int, right: Bool = false) -> String {
      let n = s.count
      if n >= w { return String(s.prefix(w)) }
      return right ? String(repeating: " ", count: w - n) + s : s + String(repeating: " ", count: w - n)
    }
    let colWidth = max(8, bands.map { $0.label.count }.max() ?? 8) + 1
    var out = "\(question)\n"
    out += pad("kode", labelWidth) + bands.map { pad($0.label, colWidth, right: true) }.joined() + pad("totalt", 16, right: true) + "\n"
    for (row, label, level) in rows {
      let name = String(repeating: "  ", count: Int(level) ?? 0) + label
      var line = pad(name, labelWidth)
      for b in bands {
        let c = tally.cell(row, question: question, band: b)
        line += pad(c.percent.map { formatFixed($0, decimals: 0) + " %" } ?? "–", colWidth, right: true)
      }
      let t = tally.cell(row, question: question, band: nil)
      line += pad((t.percent.map { formatFixed($0, decimals: 0) + " %" } ?? "–") + " (\(t.count))", 16, right: true)
      out += line + "\n"
    }
    out += pad("N (svarte)", labelWidth) + bands.map { pad(String(tally.answered(question, band: $0)), colWidth, right: true) }.joined()
    out += pad(String(tally.answered(question, band: nil)), 16, right: true) + "\n"
    return out
  }

  /// (row id, label, level) for every code, then uncoded and non-answer.
  static func rows(_ tally: Tally) -> [(String, String, String)] {
    tally.codes.map { ($0.id, $0.label, String($0.depth)) }
      + [(Tally.uncodedRow, "Ukodet (ingen kode)", "0"), (Tally.nonAnswerRow, "Ikke svart / tomt", "0")]
  }
}

func escapeMarkdownCell(_ s: String) -> String {
  s.replacingAll("|", with: "\\|").replacingAll("\r\n", with: " ").replacingAll("\n", with: " ")
}
