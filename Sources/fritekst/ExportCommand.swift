import ArgumentParser
import Foundation
import FritekstReport

/// `fritekst export qdc|qdpx`: REFI-QDA exchange files for QDA programs (NVivo, ATLAS.ti, MAXQDA,
/// QualCoder).
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export to REFI-QDA: a codebook (.qdc) or a coded project (.qdpx).",
    subcommands: [QDC.self, QDPX.self])

  struct QDC: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "qdc", abstract: "Write codebooks as a REFI-QDA Codebook Exchange file (.qdc).",
      discussion: "Parents become folders (isCodable=\"false\") unless they have rules of their own. GUIDs are derived from codebook id + code id, so re-exporting gives the same GUIDs.")

    @Argument(help: "Codebook YAML file(s).")
    var codebooks: [String]

    @Option(name: [.short, .customLong("output")], help: "File to write (default: standard output).")
    var output: String?

    func run() throws {
      do {
        let compiled = try codebooks.map(loadCompiled)
        let xml = REFIQDA.codebook(compiled.map(\.codebook), origin: "fritekst \(fritekstVersion)")
        if let output {
          try writeAtomically(Array(xml.utf8), to: output, inputs: codebooks)
        } else {
          Output.out(xml)
        }
      } catch let e as CLIError {
        Output.err("\(e.description)\n")
        throw ExitCode(e.code)
      }
    }
  }

  struct QDPX: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "qdpx", abstract: "Code a survey and write a REFI-QDA project (.qdpx) with every hit as a coded selection.",
      discussion: "Each answer is a text source (original text, UTF-8); each matched span a PlainTextSelection with a Coding, at Unicode code point offsets (end exclusive). Respondents are cases with the size band as a variable.")

    @Argument(help: "Survey file (CSV, XLSX or JSONL).")
    var survey: String

    @Option(name: .long, help: "Codebook YAML file (repeatable).")
    var codebook: [String]

    @OptionGroup var columns: SurveyColumnOptions

    @Option(name: [.short, .customLong("output")], help: "The .qdpx file to write.")
    var output: String

    func validate() throws {
      if codebook.isEmpty { throw ValidationError("give at least one --codebook") }
    }

    func run() throws {
      do {
        let run = try InMemoryRun.code(survey: survey, codebooks: codebook, columns: columns, quoting: try QuoteOptions.parse(["--no-redact"]))
        let name = URL(fileURLWithPath: survey).deletingPathExtension().lastPathComponent
        let bytes: [UInt8]
        do {
          bytes = try REFIQDA.qdpx(
            name: name, codebooks: run.compiled.map(\.codebook), answers: run.export.answers, origin: "fritekst \(fritekstVersion)")
        } catch { throw CLIError("\(output): error: \(error)") }
        try writeAtomically(bytes, to: output, inputs: [survey] + codebook)
        Output.out("wrote \(output)\n")
      } catch let e as CLIError {
        Output.err("\(e.description)\n")
        throw ExitCode(e.code)
      }
    }
  }
}
