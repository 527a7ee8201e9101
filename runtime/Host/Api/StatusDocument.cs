namespace ProofOfHeat.Host.Api;

/// <summary>Assembles <c>GET /api/status</c> from the registered contributors.</summary>
internal static class StatusDocument
{
    /// <summary>
    /// One section per contributor, by name. A contributor that throws gets an <c>error</c> section
    /// instead, so one broken part cannot hide the status of the others.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> Build(IEnumerable<IStatusContributor> contributors)
    {
        ArgumentNullException.ThrowIfNull(contributors);
        var document = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var contributor in contributors)
        {
            try
            {
                document[contributor.Name] = contributor.GetStatus();
            }
#pragma warning disable CA1031 // The status page must render whatever one contributor does.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                document[contributor.Name] = new { error = ex.Message };
            }
        }

        return document;
    }
}
