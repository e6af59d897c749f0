import Foundation
import FritekstAnalysis
import FritekstCodebook
import FritekstText

/// REFI-QDA exchange formats: the Codebook Exchange file (`.qdc`, namespace
/// `urn:QDA-XML:codebook:1.0`) and a project (`.qdpx`: a ZIP with `project.qde`, namespace
/// `urn:QDA-XML:project:1.0`, and `sources/<guid>.txt`).
///
/// - GUIDs are deterministic: the first 128 bits of SHA-256 of a key (codebook id + code id, or
///   answer id + …), formatted as a UUID with version 8 ("custom") and the RFC 4122 variant.
/// - Codes are nested by `parent`; a code with children and no rules of its own is a folder
///   (`isCodable="false"`). The code id and the description go into `<Description>`.
/// - Project: each answer is a `TextSource` (plain text UTF-8 in `sources/<guid>.txt`), each
///   merged span of a hit a `PlainTextSelection` with one `Coding`, at Unicode code point offsets
///   (`startPosition` inclusive, `endPosition` exclusive), as REFI-QDA 1.5 counts them. Respondents
///   are `Case`s with the size band as a variable. The texts are the original answers (a project
///   file is an analysis record like `coded.jsonl`, not a publication).
public enum REFIQDA {
  public static let codebookNamespace = "urn:QDA-XML:codebook:1.0"
  public static let projectNamespace = "urn:QDA-XML:project:1.0"

  /// A UUID-formatted GUID from SHA-256 of `key`.
  public static func guid(_ key: String) -> String {
    var h = FritekstText.SHA256()
    h.update(Array(key.utf8))
    var hex = Array(h.finalizeHex().prefix(32))
    hex[12] = "8"
    let variant = Int(String(hex[16]), radix: 16)! & 0x3 | 0x8
    hex[16] = Character(String(variant, radix: 16))
    let s = String(hex)
    func part(_ a: Int, _ b: Int) -> Substring { s.dropFirst(a).prefix(b - a) }
    return "\(part(0, 8))-\(part(8, 12))-\(part(12, 16))-\(part(16, 20))-\(part(20, 32))"
  }

  public static func codeGUID(codebook: String, code: String) -> String { guid("code|\(codebook)|\(code)") }

  /// The code tree as `<Code>` elements (shared by `.qdc` and `project.qde`).
  static func codes(_ codebooks: [Codebook], indent: String) -> String {
    var out = ""
    for cb in codebooks {
      let ids = Set(cb.codes.map(\.id))
      let byParent = Dictionary(grouping: cb.codes, by: { $0.parent.flatMap { ids.contains($0) ? $0 : nil } ?? "" })
      func visit(_ c: Code, _ level: Int) {
        let pad = indent + String(repeating: "  ", count: level)
        let children = byParent[c.id] ?? []
        let codable = children.isEmpty || !c.rules.isEmpty
        out += "\(pad)<Code guid=\"\(codeGUID(codebook: cb.id, code: c.id))\" name=\"\(xmlEscape(c.label))\" isCodable=\"\(codable)\">\n"
        var desc = "[\(c.id)] (\(cb.id) v\(cb.version))"
        if !c.description.isEmpty { desc += "\n" + c.description.trimmingCharacters(in: .whitespacesAndNewlines) }
        out += "\(pad)  <Description>\(xmlEscape(desc))</Description>\n"
        for child in children { visit(child, level + 1) }
        out += "\(pad)</Code>\n"
      }
      for c in byParent[""] ?? [] { visit(c, 0) }
    }
    return out
  }

  /// The `.qdc` document.
  public static func codebook(_ codebooks: [Codebook], origin: String) -> String {
    var x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    x += "<CodeBook xmlns=\"\(codebookNamespace)\" origin=\"\(xmlEscape(origin))\">\n  <Codes>\n"
    x += codes(codebooks, indent: "    ")
    x += "  </Codes>\n</CodeBook>\n"
    return x
  }

  /// One answer in a project.
  public struct Selection: Sendable, Hashable {
    public let codeID: String
    public let ruleID: String
    /// Code point offsets, end exclusive.
    public let start: Int
    public let end: Int
    public let text: String
  }

  /// The selections of an answer: one per merged span of each hit, in code points.
  public static func selections(_ a: CodedAnswer) -> [Selection] {
    a.hits.flatMap { h in
      h.hit.mergedSpans.map { s in
        let r = s.scalarRange(in: a.text)
        return Selection(codeID: h.hit.codeID, ruleID: h.hit.ruleID, start: r.lowerBound, end: r.upperBound, text: String(s.substring(of: a.text)))
      }
    }
  }

  /// `project.qde` and the source files (path inside the archive, text).
  public static func project(
    name: String, codebooks: [Codebook], answers: [CodedAnswer], origin: String
  ) -> (qde: String, sources: [(String, String)]) {
    let user = guid("user|fritekst")
    let codebookOf = Dictionary(codebooks.flatMap { cb in cb.codes.map { ($0.id, cb.id) } }, uniquingKeysWith: { a, _ in a })
    let bandVar = guid("variable|size_band")
    let questionVar = guid("variable|question")
    let shown = answers.filter { $0.status != .nonAnswer }
    var x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    x += "<Project xmlns=\"\(projectNamespace)\" name=\"\(xmlEscape(name))\" origin=\"\(xmlEscape(origin))\" creatingUserGUID=\"\(user)\">\n"
    x += "  <Users>\n    <User guid=\"\(user)\" name=\"fritekst\"/>\n  </Users>\n"
    x += "  <CodeBook>\n    <Codes>\n" + codes(codebooks, indent: "      ") + "    </Codes>\n  </CodeBook>\n"
    x += "  <Variables>\n"
    x += "    <Variable guid=\"\(bandVar)\" name=\"kommunestørrelse\" typeOfVariable=\"Text\"/>\n"
    x += "    <Variable guid=\"\(questionVar)\" name=\"spørsmål\" typeOfVariable=\"Text\"/>\n"
    x += "  </Variables>\n"
    // Cases: one per respondent, with the size band and references to its answers.
    var caseOrder: [String] = []
    var caseSources: [String: [String]] = [:]
    var caseBand: [String: String] = [:]
    for a in shown {
      if caseSources[a.respondent.id] == nil { caseOrder.append(a.respondent.id) }
      caseSources[a.respondent.id, default: []].append(guid("source|\(a.answerID)"))
      caseBand[a.respondent.id] = a.respondent.band.label
    }
    if !caseOrder.isEmpty {
      x += "  <Cases>\n"
      for r in caseOrder {
        x += "    <Case guid=\"\(guid("case|\(r)"))\" name=\"\(xmlEscape(r))\">\n"
        x += "      <VariableValue>\n        <VariableRef targetGUID=\"\(bandVar)\"/>\n        <TextValue>\(xmlEscape(caseBand[r]!))</TextValue>\n      </VariableValue>\n"
        for s in caseSources[r]! { x += "      <SourceRef targetGUID=\"\(s)\"/>\n" }
        x += "    </Case>\n"
      }
      x += "  </Cases>\n"
    }
    var files: [(String, String)] = []
    if !shown.isEmpty {
      x += "  <Sources>\n"
      for a in shown {
        let g = guid("source|\(a.answerID)")
        files.append(("sources/\(g).txt", a.text))
        x += "    <TextSource guid=\"\(g)\" name=\"\(xmlEscape(a.answerID))\" plainTextPath=\"internal://\(g).txt\" creatingUser=\"\(user)\">\n"
        for (i, s) in selections(a).enumerated() {
          let cb = codebookOf[s.codeID] ?? ""
          let sel = guid("selection|\(a.answerID)|\(i)")
          x += "      <PlainTextSelection guid=\"\(sel)\" name=\"\(xmlEscape(s.text))\" startPosition=\"\(s.start)\" endPosition=\"\(s.end)\" creatingUser=\"\(user)\">\n"
          x += "        <Description>\(xmlEscape("regel \(s.ruleID)"))</Description>\n"
          x += "        <Coding guid=\"\(guid("coding|\(a.answerID)|\(i)"))\" creatingUser=\"\(user)\">\n"
          x += "          <CodeRef targetGUID=\"\(codeGUID(codebook: cb, code: s.codeID))\"/>\n        </Coding>\n"
          x += "      </PlainTextSelection>\n"
        }
        x += "      <VariableValue>\n        <VariableRef targetGUID=\"\(questionVar)\"/>\n        <TextValue>\(xmlEscape(a.question))</TextValue>\n      </VariableValue>\n"
        x += "    </TextSource>\n"
      }
      x += "  </Sources>\n"
    }
    x += "</Project>\n"
    return (x, files)
  }

  /// The `.qdpx` bytes (deterministic).
  public static func qdpx(name: String, codebooks: [Codebook], answers: [CodedAnswer], origin: String) throws -> [UInt8] {
    let p = project(name: name, codebooks: codebooks, answers: answers, origin: origin)
    let parts = [("project.qde", Array(p.qde.utf8))] + p.sources.map { ($0.0, Array($0.1.utf8)) }
    return Array(try DeterministicZip.data(parts))
  }
}
