import EntityRecognition
import FuzzSupport

// Segmentation and matching over arbitrary text: offsets must stay inside the text and slice
// back to the surfaces, whatever the bytes.
let index: AliasIndex = {
    var gazetteer = Gazetteer()
    try! gazetteer.parseEntityFile(
        """
        Q7747\tperson\tVladimir Putin
        \t*\tVladimir Putin | Putin
        \tpl\tWładimir Putin
        Q159\tlocation\tRussia
        \ten\tRussia
        \tpl\tRosja
        \tro\tRusia
        \ten demonym\tRussian
        Q30\tlocation\tUnited States
        \ten\tUnited States | =US | U.S.
        Q918\torganization\tX
        \t*\t?=X
        \tcontext\tplatform | @Q7747
        """, file: "fuzz.gaz")
    return AliasIndex(gazetteer: gazetteer)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let scalars = Array(text.unicodeScalars)
    for language in ["pl", "ro", "en", "und"] {
        let result = Recognizer(index: index, options: RecognitionOptions(language: language, includeNested: true))
            .recognize(Document(id: "fuzz", text: text))
        for mention in result.mentions {
            precondition(0 <= mention.start && mention.start < mention.end && mention.end <= scalars.count)
            precondition(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.surface)
        }
        for sentence in result.sentences { precondition(sentence.start <= sentence.end && sentence.end <= scalars.count) }
    }
    return 0
}

@_cdecl("FuzzRecognition_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
