import FritekstAnalysis
import FritekstSurvey
import FritekstText

/// `quotes.md` and `quotes.csv`: per code, the selected quotes with the matched words
/// highlighted from the hit spans. Quotes show the size band and the question — never the
/// municipality — because they go into public reports.
public enum QuotePrinter {
  /// The quote text with highlights wrapped in `open`/`close` (e.g. "**").
  public static func highlighted(_ q: Quote, open: String, close: String, escape: (String) -> String = { $0 }) -> String {
    let units = Array(q.text.utf16)
    var out = ""
    var pos = 0
    for h in q.highlights.sorted() where h.start >= pos && h.end <= units.count {
      out += escape(String(decoding: units[pos..<h.start], as: UTF16.self))
      out += open + escape(String(decoding: units[h.start..<h.end], as: UTF16.self)) + close
      pos = h.end
    }
    return out + escape(String(decoding: units[pos...], as: UTF16.self))
  }

  public static func markdown(codes: [Tally.CodeInfo], quotes: (String) -> [Quote], total: (String) -> Int, title: String) -> String {
    var out = "# \(title)\n\nSitater per kode. Treffordene er **uthevet**; hvert sitat viser kommunestørrelse og spørsmål, ikke kommunenavn.\n"
    for code in codes {
      let qs = quotes(code.id)
      let n = total(code.id)
      out += "\n" + String(repeating: "#", count: min(2 + code.depth, 6)) + " \(code.label) (`\(code.id)`)\n\n"
      if qs.isEmpty {
        let isParent = codes.contains { $0.parent == code.id }
        out += isParent ? "_Overordnet kode: se sitatene under underkodene._\n" : "_Ingen svar med denne koden._\n"
        continue
      }
      out += "\(qs.count) av \(n) svar.\n\n"
      for q in qs {
        let text = highlighted(q, open: "**", close: "**", escape: escapeMarkdown)
          .replacingAll("\r\n", with: "\n").replacingAll("\n", with: " ⏎ ")
        out += "- «\(text)» — \(q.band.label), \(q.question)\n"
      }
    }
    return out
  }

  public static let csvHeader = ["code", "label", "answer_id", "size_band", "question", "quote", "highlighted", "spans", "rules"]

  public static func csvRows(code: Tally.CodeInfo, quotes: [Quote], format: CSVFormat) -> String {
    quotes.map { q in
      format.row([
        code.id, code.label, q.answerID, q.band.label, q.question, q.text,
        highlighted(q, open: "[", close: "]"),
        q.highlights.map { "\($0.start)-\($0.end)" }.joined(separator: "+"), q.rules.joined(separator: "|"),
      ])
    }.joined()
  }
}

/// Escapes characters Markdown would interpret in running text.
func escapeMarkdown(_ s: String) -> String {
  var out = ""
  for ch in s {
    if "\\`*_[]<>#|".contains(ch) { out.append("\\") }
    out.append(ch)
  }
  return out
}
