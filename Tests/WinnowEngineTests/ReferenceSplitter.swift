import WinnowEngine

/// A slow, obviously right splitter that the reader is checked against.
///
/// A form-feed separator is a line whose text, less one trailing `\r`, is a
/// single `\f`, with its terminator; a NUL or line-feed separator is that one byte. The
/// part after the last separator is a document only when it is not empty;
/// without a separator the input is exactly one document, even when empty.
enum ReferenceSplitter {
    static func split(_ bytes: [UInt8], _ separator: DocumentSeparator) -> [(bytes: [UInt8], separator: [UInt8])] {
        var documents: [(bytes: [UInt8], separator: [UInt8])] = []
        var documentStart = 0
        switch separator {
        case .none:
            return [(bytes, [])]
        case .nul, .lineFeed:
            let mark: UInt8 = separator == .nul ? 0 : 0x0A
            for (i, byte) in bytes.enumerated() where byte == mark {
                documents.append((Array(bytes[documentStart..<i]), [mark]))
                documentStart = i + 1
            }
        case .formFeedLine:
            var lineStart = 0
            while lineStart < bytes.count {
                let newline = bytes[lineStart...].firstIndex(of: 0x0A)
                let lineEnd = newline.map { $0 + 1 } ?? bytes.count
                var content = Array(bytes[lineStart..<(newline ?? bytes.count)])
                if content.last == 0x0D { content.removeLast() }
                if content == [0x0C] {
                    documents.append((Array(bytes[documentStart..<lineStart]), Array(bytes[lineStart..<lineEnd])))
                    documentStart = lineEnd
                }
                lineStart = lineEnd
            }
        }
        if documentStart < bytes.count { documents.append((Array(bytes[documentStart...]), [])) }
        return documents
    }
}
