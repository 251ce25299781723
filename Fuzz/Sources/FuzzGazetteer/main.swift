import EntityRecognition
import FuzzSupport

// The gazetteer readers over arbitrary bytes: an error or a gazetteer, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var entities = Gazetteer()
    if (try? entities.parseEntityFile(text, file: "fuzz.gaz")) != nil {
        _ = AliasIndex(gazetteer: entities)
    }
    var list = Gazetteer()
    if (try? list.parsePlainList(text, file: "fuzz.tsv")) != nil {
        let index = AliasIndex(gazetteer: list)
        _ = index.ambiguities()
    }
    return 0
}

@_cdecl("FuzzGazetteer_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
