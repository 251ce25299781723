import EntityGraphExport
import Foundation
import FuzzSupport

// The GraphML reader over arbitrary bytes: an error or a graph, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if let graph = try? GraphML.graph(from: Data(bytes: data, count: size), name: "fuzz.graphml") {
        _ = try? GraphML.data(for: graph)
    }
    return 0
}

@_cdecl("FuzzGraphML_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
