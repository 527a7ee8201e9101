namespace ProofOfHeat.TestKit.QuestDb;

/// <summary>What the fake does to the next write request instead of (or after) serving it.</summary>
public enum FakeQuestDbFault
{
    /// <summary>Answers 500 <c>internal error</c> without committing (a commit failure).</summary>
    ServerError,

    /// <summary>Answers 503 without committing.</summary>
    Unavailable,

    /// <summary>Closes the connection without an answer and without committing.</summary>
    DropBeforeCommit,

    /// <summary>Commits the rows, then closes the connection without an answer: the client must retry, and only dedup keeps the rows single.</summary>
    DropAfterCommit,
}
