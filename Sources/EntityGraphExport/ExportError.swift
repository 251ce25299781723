/// A problem writing or reading an export, as a user sees it: one line, naming the file.
public struct ExportError: Error, CustomStringConvertible, Sendable {
    public struct Code: RawRepresentable, Hashable, Sendable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// libxml2 returned an error code; the message names the function.
        public static let libxml2 = Code(rawValue: "libxml2")
        public static let notGraphML = Code(rawValue: "not-graphml")
        public static let malformed = Code(rawValue: "malformed")
        public static let unwritable = Code(rawValue: "unwritable")
        public static let unreadable = Code(rawValue: "unreadable")
        /// Two node ids would be written alike, so the exports could not tell them apart.
        public static let conflictingIDs = Code(rawValue: "conflicting-ids")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
