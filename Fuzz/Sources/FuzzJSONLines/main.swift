import EntityRecognition
import Foundation
import FuzzSupport

// The JSON lines reader over arbitrary bytes, skipping bad lines: never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let reader = CorpusReader(inputs: ["-"], policy: CorpusReader.Policy(skipBadInput: true), readStandardInput: { bytes })
    try? reader.forEachDocument { document in
        _ = document.text.unicodeScalars.count
    }
    return 0
}

@_cdecl("FuzzJSONLines_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
