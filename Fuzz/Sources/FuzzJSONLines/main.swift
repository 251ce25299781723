import EntityRecognition
import Foundation

// The JSON lines reader over arbitrary bytes, skipping bad lines: never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let reader = CorpusReader(inputs: ["-"], policy: CorpusReader.Policy(skipMalformedLines: true), readStandardInput: { bytes })
    try? reader.forEachDocument { document in
        _ = document.text.unicodeScalars.count
    }
    return 0
}

// SwiftPM links an executable's entry point as FuzzJSONLines_main; hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzJSONLines_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
