import Foundation

/// A text stream that also takes text already encoded: output made as bytes need not be
/// checked as UTF-8 again on its way out.
protocol UTF8OutputStream: TextOutputStream {
    /// Writes `bytes`, which are valid UTF-8.
    mutating func write(utf8 bytes: [UInt8])
}

extension String: UTF8OutputStream {
    mutating func write(utf8 bytes: [UInt8]) { append(String(decoding: bytes, as: UTF8.self)) }
}

/// Standard output with a buffer, so that a million mentions are not a million system calls.
struct StandardOutput: UTF8OutputStream {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { write($0) }
    }

    mutating func write(utf8 bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        // A document's whole output goes out directly rather than through the buffer.
        if bytes.count >= 1 << 16 {
            flush()
            Self.writeAll(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { Self.writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes every byte to descriptor 1, however many calls it takes. A closed pipe ends the
    /// process by SIGPIPE, as for any command-line filter.
    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        while offset < bytes.count {
            let count = Foundation.write(1, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                StandardError.writeLine("error: standard output: \(String(cString: strerror(errno)))")
                exit(1)
            }
            offset += count
        }
    }
}

/// One-line messages on standard error.
enum StandardError {
    static func writeLine(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// A plain-text table with columns padded to their widest cell.
enum TextTable {
    static func render(header: [String], rows: [[String]], indent: Int = 0) -> String {
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for row in all {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        let pad = String(repeating: " ", count: indent)
        var text = ""
        for (number, row) in all.enumerated() {
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            text += pad + cells.joined(separator: "  ") + "\n"
            if number == 0 {
                text += pad + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        return text
    }
}
