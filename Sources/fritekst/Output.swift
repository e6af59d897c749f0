import Foundation

/// The CLI's only door to the terminal. Writes are unbuffered `write(2)` calls on whole strings;
/// a closed pipe (`fritekst … | head`) ends the process quietly with status 0.
enum Output {
  static func out(_ text: String) { write(text, to: 1) }
  static func err(_ text: String) { write(text, to: 2) }

  private static func write(_ text: String, to fd: Int32) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { raw in
        Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
      }
      if n < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE { exit(0) }
        return
      }
      offset += n
    }
    bytes.removeAll()
  }

  /// Ignore SIGPIPE so a closed pipe shows up as EPIPE (handled above) instead of a crash.
  static func installPipeHandling() { signal(SIGPIPE, SIG_IGN) }
}

