import FritekstAnalysis
import FritekstSurvey

/// One self-contained HTML file: inline CSS and SVG, no network, a few lines of inline script for
/// the filter box. Sections: run summary, the tally table per question, then the codes grouped by
/// top-level parent, each with a bar chart (share of respondents per size band, n/N as labels and
/// `<title>` hover) and its quotes with the matched words in `<mark>`.
///
/// Every text that comes from the survey or the codebook goes through ``xmlEscape(_:)``; quotes
/// are highlighted from their spans, never by searching the text. Output is deterministic.
public enum HTMLReport {
  public static func render(_ run: ExportRun) -> String {
    let t = run.tally
    var h = """
      <!DOCTYPE html>
      <html lang="nb">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(xmlEscape(run.title))</title>
      <style>\(css)</style>
      </head>
      <body>
      <header>
      <h1>\(xmlEscape(run.title))</h1>

      """
    h += summary(run)
    h += "</header>\n<main>\n"
    for q in t.questions { h += table(run, question: q) }
    h += "<h2 id=\"koder\">Koder</h2>\n"
    h += "<p class=\"filter\"><label>Filtrer koder og sitater: <input id=\"filter\" type=\"search\" placeholder=\"f.eks. psykolog\"></label></p>\n"
    // Codes grouped by their top-level parent (depth 0).
    var groups: [[Tally.CodeInfo]] = []
    for c in t.codes {
      if c.depth == 0 || groups.isEmpty { groups.append([c]) } else { groups[groups.count - 1].append(c) }
    }
    for g in groups {
      // A group heading only where a parent has children; a lone code's card has its own heading.
      h += "<section class=\"group\">\n" + (g.count > 1 ? "<h2>\(xmlEscape(g[0].label))</h2>\n" : "")
      for c in g { h += codeSection(run, code: c) }
      h += "</section>\n"
    }
    h += "</main>\n<script>\(script)</script>\n</body>\n</html>\n"
    return h
  }

  static func summary(_ run: ExportRun) -> String {
    let s = run.summary
    let c = s.counts
    var h = "<dl class=\"summary\">\n"
    func item(_ k: String, _ v: String) { h += "<dt>\(xmlEscape(k))</dt><dd>\(xmlEscape(v))</dd>\n" }
    item("Fil", "\(s.input.path) (sha256 \(s.input.sha256.prefix(12))…, \(s.input.bytes) bytes)")
    for cb in s.codebooks { item("Kodebok", "\(cb.title) (\(cb.id) v\(cb.version), sha256 \(cb.sha256.prefix(12))…)") }
    item("Svar", "\(c.answers) svar fra \(c.respondents) respondenter: \(c.coded) kodet, \(c.uncoded) ukodet; \(c.nonAnswers) ikke svar; \(c.rejectedRows) avviste rader")
    item("Versjon", "fritekst \(s.fritekstVersion), ICU \(s.icuVersion)")
    if run.redactor != nil {
      let counts = s.redactions.filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
      item("Sladding", "Sitater viser ikke kommunenavn, fødselsnumre, telefonnumre eller e-postadresser" + (counts.isEmpty ? "." : " (sladdet: \(counts))."))
    } else {
      item("Sladding", "av (--no-redact): sitatene er ikke sladdet")
    }
    return h + "</dl>\n"
  }

  static func cellText(_ c: Tally.Cell) -> String {
    c.percent.map { "\(formatFixed($0, decimals: 0)) % (\(c.count)/\(c.base))" } ?? "– (0/0)"
  }

  static func table(_ run: ExportRun, question: String) -> String {
    let t = run.tally
    let bands = t.usedBands
    var h = "<section class=\"tally\">\n<h2>\(xmlEscape(question))</h2>\n"
    h += "<p>Andel respondenter (kommuner/bydeler) som nevner hver kode, etter kommunestørrelse: prosent (n/N), der N er respondenter som svarte. N = \(t.answered(question, band: nil)).</p>\n"
    h += "<table>\n<thead><tr><th>Kode</th>"
    for b in bands { h += "<th>\(xmlEscape(b.label))</th>" }
    h += "<th>Totalt</th></tr></thead>\n<tbody>\n"
    for row in run.tallyRows {
      let cls = row.id.hasPrefix("(") ? " class=\"meta\"" : ""
      h += "<tr\(cls)><td class=\"d\(min(row.depth, 3))\">\(xmlEscape(row.label))"
      if !row.id.hasPrefix("(") { h += " <code>\(xmlEscape(row.id))</code>" }
      h += "</td>"
      for b in bands as [SizeBand?] + [nil] {
        h += "<td>\(xmlEscape(cellText(t.cell(row.id, question: question, band: b))))</td>"
      }
      h += "</tr>\n"
    }
    return h + "</tbody>\n</table>\n</section>\n"
  }

  static func codeSection(_ run: ExportRun, code: Tally.CodeInfo) -> String {
    let quotes = run.quotes[code.id] ?? []
    let search = ([code.id, code.label] + quotes.map(\.text)).joined(separator: " ").lowercased()
    var h = "<section class=\"code\" id=\"kode-\(xmlEscape(code.id))\" data-search=\"\(xmlEscape(search))\">\n"
    let tag = code.depth == 0 ? "h3" : "h4"
    h += "<\(tag)>\(xmlEscape(code.label)) <code>\(xmlEscape(code.id))</code></\(tag)>\n"
    for q in run.tally.questions { h += chart(run, code: code, question: q) }
    let n = run.answersPerCode[code.id] ?? 0
    if quotes.isEmpty {
      let isParent = run.tally.codes.contains { $0.parent == code.id }
      h += "<p class=\"none\">" + (n == 0 && !isParent ? "Ingen svar med denne koden." : "Koden er samlet fra underkodene.") + "</p>\n"
    } else {
      h += "<p class=\"count\">\(quotes.count) av \(n) svar:</p>\n<ul class=\"quotes\">\n"
      for q in quotes {
        let text = QuotePrinter.highlighted(q, open: "<mark>", close: "</mark>", escape: xmlEscape)
        h += "<li><q>\(text)</q> <span class=\"src\">— \(xmlEscape(q.band.label)), \(xmlEscape(q.question))</span></li>\n"
      }
      h += "</ul>\n"
    }
    return h + "</section>\n"
  }

  /// Horizontal bars: one per used size band and one for the total.
  static func chart(_ run: ExportRun, code: Tally.CodeInfo, question: String) -> String {
    let t = run.tally
    let bands: [SizeBand?] = t.usedBands + [nil]
    let rowH = 22, labelW = 170, barW = 320, textW = 120
    let width = labelW + barW + textW
    let height = bands.count * rowH + 24
    var s = "<svg class=\"chart\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    s += "<title>\(xmlEscape(code.label)): andel respondenter per kommunestørrelse (\(xmlEscape(question)))</title>\n"
    s += "<text x=\"0\" y=\"14\" class=\"q\">\(xmlEscape(question))</text>\n"
    for (i, b) in bands.enumerated() {
      let c = t.cell(code.id, question: question, band: b)
      let y = 24 + i * rowH
      let label = b?.label ?? "Totalt"
      let w = Int(((c.percent ?? 0) / 100 * Double(barW)).rounded())
      let hover = "\(label): \(c.count) av \(c.base) respondenter" + (c.percent.map { " (\(formatFixed($0, decimals: 1)) %)" } ?? "")
      s += "<g><title>\(xmlEscape(hover))</title>"
      s += "<text x=\"\(labelW - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(xmlEscape(label))</text>"
      s += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(barW)\" height=\"\(rowH - 6)\" class=\"track\"/>"
      s += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowH - 6)\" class=\"\(b == nil ? "bar total" : "bar")\"/>"
      s += "<text x=\"\(labelW + barW + 6)\" y=\"\(y + 15)\">\(xmlEscape(cellText(c)))</text></g>\n"
    }
    return s + "</svg>\n"
  }

  static let css = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1d2433;line-height:1.45}\
    h1{font-size:1.6rem;margin-bottom:.5rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #d5dbe5;padding-bottom:.2rem}\
    h3,h4{margin:1.2rem 0 .3rem}code{font-size:.8em;color:#5a6474;background:#f1f3f7;padding:0 .25em;border-radius:3px}\
    dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;background:#f6f8fb;padding:.8rem 1rem;border-radius:6px}\
    dl.summary dt{font-weight:600}dl.summary dd{margin:0}\
    table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #e3e7ee;padding:.25rem .5rem;text-align:right;white-space:nowrap}\
    th:first-child,td:first-child{text-align:left;white-space:normal}thead th{background:#eef1f6}\
    td.d1{padding-left:1.5rem}td.d2{padding-left:2.5rem}td.d3{padding-left:3.5rem}tr.meta td{color:#6b7280;font-style:italic}\
    svg.chart{display:block;margin:.3rem 0;font-size:12px}svg.chart text{fill:#1d2433}svg.chart text.q{fill:#6b7280}\
    svg.chart .track{fill:#eef1f6}svg.chart .bar{fill:#3b6fb6}svg.chart .bar.total{fill:#1f3f6e}\
    ul.quotes{padding-left:1.2rem}ul.quotes li{margin:.3rem 0}mark{background:#ffe58a;padding:0 .1em}\
    .src,.count,.none{color:#6b7280;font-size:.9rem}section.code{border-left:3px solid #d5dbe5;padding-left:.8rem;margin:1rem 0}\
    .filter input{font-size:1rem;padding:.3rem .5rem;width:20rem}.hidden{display:none}
    """

  static let script = """
    document.getElementById('filter').addEventListener('input',function(e){var q=e.target.value.toLowerCase();\
    document.querySelectorAll('section.code').forEach(function(s){s.classList.toggle('hidden',q!==''&&s.dataset.search.indexOf(q)<0);});});
    """
}
