/// Every condition a rule may set under `when:`. The parser, the engine, the
/// linter and `winnow rules` all read conditions through this table; adding a
/// condition means one type with its definition, listed here, plus its tests.
public enum ConditionTable {
    public static let definitions: [ConditionDefinition] =
        Bound.definitions + LineFlag.definitions + [ShapeCondition.definition, RegionCondition.definition] + Position.definitions
            + [Repeated.definition, Repeated.maximumDefinition, SameShape.definition, RunLength.definition, MinMatches.definition]
            + PatternCondition.definitions
            + [Follows.definition, ProseAbove.definition, ProseWordsAbove.definition, BodyDistance.definition, Dropped.definition,
               DroppedNearby.definition]
            + Neighbour.definitions + LinkDensity.definitions

    /// The definitions by key.
    public static let byKey: [String: ConditionDefinition] =
        Dictionary(uniqueKeysWithValues: definitions.map { ($0.key, $0) })

    /// Every key, for unknown-key checks and "did you mean".
    public static let keys = Set(definitions.map(\.key))
}
