#pragma warning disable CA1720 // The members are QuestDB's column type names, which the tests compare against.

namespace ProofOfHeat.TestKit.QuestDb;

/// <summary>Column types the fake knows (QuestDB ILP "columnset types").</summary>
public enum FakeQuestDbColumnType
{
    /// <summary>A tag: SYMBOL.</summary>
    Symbol,

    /// <summary>A bare number: DOUBLE.</summary>
    Double,

    /// <summary><c>123i</c>: LONG.</summary>
    Long,

    /// <summary><c>t</c>/<c>f</c>/<c>true</c>/…: BOOLEAN.</summary>
    Boolean,

    /// <summary>A quoted string: VARCHAR.</summary>
    Varchar,

    /// <summary>The designated timestamp.</summary>
    Timestamp,
}
