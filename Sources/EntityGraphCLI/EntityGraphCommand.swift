import ArgumentParser

/// The `entity-graph` command and its subcommands.
public struct EntityGraphCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "entity-graph",
        abstract: "Find the people, organizations and places named in news text and link them to canonical entities.",
        discussion: """
            EntityGraph reads articles in many languages (Polish, Romanian, Italian, English and more), \
            finds every mention of an entity its gazetteers know, inflected forms included, and links \
            it to one canonical entity with exact offsets.

            Start with:
              entity-graph extract examples/corpus --format table
            """,
        version: "0.1.0",
        subcommands: [
            ExtractCommand.self, BuildCommand.self, NeighborsCommand.self, PathCommand.self, EgoCommand.self,
            StatsCommand.self, ExportCommand.self, RenderCommand.self,
        ]
    )

    public init() {}
}
