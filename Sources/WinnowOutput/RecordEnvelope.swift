/// A JSON Lines record around the document made of its text member: the
/// record's bytes as read, and where its members are, so that the output
/// record can be spliced from the input one (`RecordSink`).
public struct RecordEnvelope: Sendable {
    /// The record's bytes, without its line terminator.
    public let bytes: [UInt8]
    let parsed: JSONRecord
    /// The text member (`--field`).
    let field: JSONRecord.Member
    /// `<field>_base64`, when the record has it.
    let companion: JSONRecord.Member?
}
