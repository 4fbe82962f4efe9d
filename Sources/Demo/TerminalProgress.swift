#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress bar on standard error: redrawn in place on a terminal, a plain line every tenth
/// otherwise (logs and CI).
public final class TerminalProgress {
    private let label: String
    private let interactive: Bool
    private var lastDraw: timespec = timespec()
    private var lastTenth = -1

    public init(label: String, interactive: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.interactive = interactive
    }

    /// Shows `done` of `total` with a note such as a row count.
    public func update(_ done: Int, of total: Int, note: String) {
        let fraction = total > 0 ? min(Double(done) / Double(total), 1) : 1
        if interactive {
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let elapsed = Double(now.tv_sec - lastDraw.tv_sec) + Double(now.tv_nsec - lastDraw.tv_nsec) / 1e9
            guard elapsed >= 0.1 || done >= total else { return }
            lastDraw = now
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            emit("\r\u{1B}[2K\(label) \(bar) \(Int(fraction * 100))% \(note)")
        } else {
            let tenth = Int(fraction * 10)
            guard tenth > lastTenth else { return }
            lastTenth = tenth
            emit("\(label): \(tenth * 10)% \(note)\n")
        }
    }

    /// Ends the bar's line.
    public func finish() {
        if interactive { emit("\n") }
    }

    private func emit(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
