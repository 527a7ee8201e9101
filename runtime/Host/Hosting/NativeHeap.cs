using System.Runtime.InteropServices;

namespace ProofOfHeat.Host.Hosting;

/// <summary>
/// Gives the C library's malloc heap back to the kernel. glibc keeps freed memory in its heap and in one arena per
/// thread that allocated (the JIT, SQLite and the runtime's own data allocate there), and returns it only from the
/// top of the main heap; <c>malloc_trim(0)</c> releases every whole free page of every arena (glibc manual,
/// "Memory Allocation Tunables" and malloc_trim(3): "since glibc 2.8 … attempts to release free memory from all
/// arenas and in all chunks with whole free pages"). musl (Alpine) has no malloc_trim; its allocator returns freed
/// pages by itself, so there the call is skipped.
/// </summary>
internal static class NativeHeap
{
    // mallopt's parameter number for the most arenas (malloc.h: #define M_ARENA_MAX -8).
    private const int ArenaMaxParameter = -8;

    private static bool s_unavailable = !OperatingSystem.IsLinux();

    /// <summary>
    /// Keeps glibc to one malloc arena, as <c>MALLOC_ARENA_MAX=1</c> in launch.env does for <c>./poh</c>, for a brain
    /// started without the launcher: by default every thread that allocates while another holds the lock gets an
    /// arena of its own (up to eight per core), each keeping its freed memory. In the realistic home one arena
    /// measured 8 MB less resident memory (bench/Runtime/results.md); the brain's native allocations (the JIT,
    /// SQLite) are few, so contention on one arena costs nothing measurable. Arenas made before the call stay.
    /// </summary>
    public static void LimitArenas()
    {
        if (s_unavailable)
        {
            return;
        }

        try
        {
            _ = MallOpt(ArenaMaxParameter, 1);
        }
        catch (EntryPointNotFoundException)
        {
            s_unavailable = true;
        }
        catch (DllNotFoundException)
        {
            s_unavailable = true;
        }
    }

    /// <summary>Releases free malloc pages; false when this C library has no <c>malloc_trim</c>.</summary>
    public static bool Trim()
    {
        if (s_unavailable)
        {
            return false;
        }

        try
        {
            _ = MallocTrim(0);
            return true;
        }
        catch (EntryPointNotFoundException)
        {
            s_unavailable = true;
            return false;
        }
        catch (DllNotFoundException)
        {
            s_unavailable = true;
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);

    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallOpt(int parameter, int value);
}
